import { directoryUsers, setUserData, userData, type DirectoryUser } from './directory';
import { directoryGroups, type DirectoryGroup } from './groups';
import { consumedUnits, countSeats, settleGroupLicensing, type GroupProcessingTiming, type LicensingWorld } from './licensing';
import { takenProxyAddresses } from './scale';
import { effectiveDirectory, type CloudSection, type SyncStateReader } from './sync-state';
import type { CloudUserData, TenantStateStore } from './tenant-state';

/** The tenant as one request sees it. `state` is the live state: changes go through `writeUser` and `change`. */
export interface TenantWorld extends LicensingWorld {
  groupsById: ReadonlyMap<string, DirectoryGroup>;
  lastSyncDateTime: string | null;
}

interface UsersCache {
  cloud: CloudSection | null;
  lastSyncDateTime: string | null;
  pendingApplied: boolean;
  scale: number;
  users: DirectoryUser[];
  usersById: Map<string, DirectoryUser>;
}

/**
 * Builds the tenant's users and groups from the sync server's export and the tenant's own state, and
 * keeps them while neither changes (a large tenant has thousands of users; a `$batch` reads them twenty
 * times). Every read first brings group-based licensing up to now.
 */
export class TenantModel {
  private usersCache: UsersCache | null = null;
  /** What the last settling saw: nothing to do again until the state or the users change, or a processing ends. */
  private settled: { revision: number; users: DirectoryUser[]; nextDue: number } | null = null;
  /** Seats in use, counted once per set of users, then kept up to date by `writeUser`. */
  private seats: { users: DirectoryUser[]; counts: Map<string, number> } | null = null;
  private taken: { scale: number; addresses: ReadonlySet<string> } | null = null;
  /** While a `$batch` runs, its requests share one read of the sync server's state (see `batch`). */
  private batchCloud: { cloud: CloudSection | null } | null = null;
  private groupsCache: { users: DirectoryUser[]; membership: string; groups: DirectoryGroup[]; byId: Map<string, DirectoryGroup> } | null = null;

  constructor(
    private readonly syncState: SyncStateReader,
    readonly store: TenantStateStore,
    private readonly now: () => Date,
    private readonly timing: GroupProcessingTiming,
  ) {}

  async world(): Promise<TenantWorld> {
    const now = this.now();
    const cloud = this.batchCloud !== null ? this.batchCloud.cloud : await this.syncState.read();
    const state = await this.store.load();
    const scale = state.scale?.users ?? 0;
    const pendingApplied = cloud?.pendingExport != null && now.getTime() >= Date.parse(cloud.pendingExport.completesAtUtc);
    let users = this.usersCache;
    if (users === null || users.cloud !== cloud || users.pendingApplied !== pendingApplied || users.scale !== scale) {
      const synced = effectiveDirectory(cloud, now);
      const list = directoryUsers(synced, scale);
      users = { cloud, lastSyncDateTime: synced.lastSyncDateTime, pendingApplied, scale, users: list, usersById: new Map(list.map((user) => [user.id, user])) };
      this.usersCache = users;
    }
    const membership = JSON.stringify(Object.entries(state.groups).map(([id, group]) => [id, group.addedMembers]));
    let groups = this.groupsCache;
    if (groups === null || groups.users !== users.users || groups.membership !== membership) {
      const list = directoryGroups(users.users, state, users.lastSyncDateTime);
      groups = { users: users.users, membership, groups: list, byId: new Map(list.map((group) => [group.id, group])) };
      this.groupsCache = groups;
    }
    if (this.taken?.scale !== scale) this.taken = { scale, addresses: takenProxyAddresses(scale) };
    const list = users.users;
    const world: TenantWorld = {
      users: users.users,
      usersById: users.usersById,
      groups: groups.groups,
      groupsById: groups.byId,
      state,
      large: scale > 0,
      takenProxyAddresses: this.taken.addresses,
      now,
      lastSyncDateTime: users.lastSyncDateTime,
      seats: () => {
        if (this.seats?.users !== list) this.seats = { users: list, counts: consumedUnits({ users: list, state, large: scale > 0 }) };
        return this.seats.counts;
      },
    };
    const settled = this.settled;
    if (settled === null || settled.revision !== this.store.revision || settled.users !== users.users || now.getTime() >= settled.nextDue) {
      settleGroupLicensing(world, this.timing, (mutate) => this.store.change(mutate), (user, data) => this.writeUser(user, data));
      const due = Object.values(state.groups).flatMap((group) => (group.processing ? [group.processing.completesAt] : []));
      this.settled = { revision: this.store.revision, users: users.users, nextDue: Math.min(Infinity, ...due) };
    }
    return world;
  }

  /**
   * Runs the requests of one `$batch` on one read of the sync server's state file: twenty requests need not
   * look at the file twenty times within milliseconds.
   */
  async batch<T>(run: () => Promise<T>): Promise<T> {
    if (this.batchCloud !== null) return run();
    this.batchCloud = { cloud: await this.syncState.read() };
    try {
      return await run();
    } finally {
      this.batchCloud = null;
    }
  }

  /** The number of users, for Graph's tenant-size limits; no settling needed. */
  async userCount(): Promise<number> {
    return this.usersCache?.users.length ?? (await this.world()).users.length;
  }

  writeUser(user: DirectoryUser, data: CloudUserData): void {
    this.store.change((state) => {
      if (this.seats !== null) countSeats(this.seats.counts, userData(state, user), data);
      setUserData(state, user, data);
    });
  }
}
