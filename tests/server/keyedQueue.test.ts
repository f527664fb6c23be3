import { describe, expect, it } from 'vitest'
import { KeyedQueue } from '../../server/src/meetings/keyedQueue'

/** Read, wait, write: what a progress change does; two at once on the same key lose one. */
async function readWaitWrite(store: Map<string, number>, key: string, ms: number) {
  const value = store.get(key) ?? 0
  await new Promise((resolve) => setTimeout(resolve, ms))
  store.set(key, value + 1)
}

describe('KeyedQueue', () => {
  it('runs the steps of one key one after another, so none is lost', async () => {
    const queue = new KeyedQueue()
    const store = new Map<string, number>()
    await Promise.all([5, 1, 3, 0].map((ms) => queue.run('m1', () => readWaitWrite(store, 'm1', ms))))
    expect(store.get('m1')).toBe(4)
  })

  it('goes on after a failed step, which rejects only its own caller', async () => {
    const queue = new KeyedQueue()
    const failed = queue.run('m1', async () => {
      throw new Error('refused')
    })
    const next = queue.run('m1', async () => 'done')
    await expect(failed).rejects.toThrow('refused')
    await expect(next).resolves.toBe('done')
  })

  it('runs different keys side by side', async () => {
    const queue = new KeyedQueue()
    const order: string[] = []
    const slow = queue.run('a', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
      order.push('a')
    })
    const fast = queue.run('b', async () => {
      order.push('b')
    })
    await Promise.all([slow, fast])
    expect(order).toEqual(['b', 'a'])
  })
})
