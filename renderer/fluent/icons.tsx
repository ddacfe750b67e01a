import { registerIcons } from '@fluentui/react';
import {
  CancelIcon,
  CheckMarkIcon,
  ChevronDownIcon,
  ChevronRightIcon,
  CircleRingIcon,
  ClearIcon,
  CompletedIcon,
  ErrorBadgeIcon,
  InfoIcon,
  SearchIcon,
  StatusCircleCheckmarkIcon,
  WarningIcon,
  BlockedIcon,
  SyncIcon,
} from '@fluentui/react-icons-mdl2';

/**
 * Fluent's default icon font comes from a CDN, which the CSP forbids and an offline server cannot reach;
 * the icons the app uses are registered as bundled SVG components instead.
 */
export function registerBundledIcons(): void {
  registerIcons({
    icons: {
      Cancel: <CancelIcon />,
      CheckMark: <CheckMarkIcon />,
      ChevronDown: <ChevronDownIcon />,
      ChevronRight: <ChevronRightIcon />,
      CircleRing: <CircleRingIcon />,
      Clear: <ClearIcon />,
      Completed: <CompletedIcon />,
      ErrorBadge: <ErrorBadgeIcon />,
      Info: <InfoIcon />,
      Search: <SearchIcon />,
      StatusCircleCheckmark: <StatusCircleCheckmarkIcon />,
      Warning: <WarningIcon />,
      Blocked2: <BlockedIcon />,
      Blocked: <BlockedIcon />,
      Sync: <SyncIcon />,
    },
  });
}
