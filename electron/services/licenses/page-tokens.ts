import { randomUUID } from 'node:crypto';

/**
 * Graph's @odata.nextLinks kept in main behind random tokens: the renderer asks for "the page after
 * this token" and never sees, nor names, a URL. The oldest links are forgotten past `capacity`.
 */
export class PageTokens {
  private readonly links = new Map<string, string>();

  constructor(private readonly capacity = 100) {}

  /** A new opaque token for the link. */
  remember(link: string): string {
    const token = randomUUID();
    this.links.set(token, link);
    for (const oldest of this.links.keys()) {
      if (this.links.size <= this.capacity) break;
      this.links.delete(oldest);
    }
    return token;
  }

  /** The link behind a token, or undefined when it was never given or is forgotten. Kept for a retry. */
  recall(token: string): string | undefined {
    return this.links.get(token);
  }

  clear(): void {
    this.links.clear();
  }
}
