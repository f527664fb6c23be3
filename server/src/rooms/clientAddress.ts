import type { IncomingMessage } from 'node:http'

/**
 * The address a connection counts against. Behind a reverse proxy (`trustProxy`) it is the last
 * X-Forwarded-For hop, the one our proxy added; earlier hops are whatever the client wrote.
 * An IPv6 client holds a whole /64, so IPv6 addresses count by their /64 prefix.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for']
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((hop) => hop.trim())
      .filter((hop) => hop.length > 0)
    const last = hops.at(-1)
    if (last) return addressKey(last)
  }
  return addressKey(req.socket.remoteAddress ?? 'unknown')
}

/** IPv4 as is (also when mapped into IPv6), IPv6 by its first four groups. */
export function addressKey(address: string): string {
  const plain = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain)
  if (mapped) return mapped[1]!
  if (!plain.includes(':')) return plain
  const [head = '', tail] = plain.toLowerCase().split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = tail ? tail.split(':') : []
  const groups =
    tail === undefined
      ? headGroups
      : [
          ...headGroups,
          ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'),
          ...tailGroups,
        ]
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

/** Counts open connections per address, refusing one over the limit. */
export class AddressCounter {
  private readonly counts = new Map<string, number>()

  constructor(private readonly max: number) {}

  /** Counts a connection from `address`; false (and nothing counted) when it is at its limit. */
  tryAdd(address: string): boolean {
    const count = this.counts.get(address) ?? 0
    if (count >= this.max) return false
    this.counts.set(address, count + 1)
    return true
  }

  remove(address: string): void {
    const count = this.counts.get(address) ?? 0
    if (count <= 1) this.counts.delete(address)
    else this.counts.set(address, count - 1)
  }

  count(address: string): number {
    return this.counts.get(address) ?? 0
  }
}
