import type { MeetingProgress } from './phaseMachine'
import type { RoleId } from './schema'
import type { Template } from './templateSchema'
import { currentTopic } from './topicWalk'

/**
 * Whose turn it is in the walk through the topics (quick advice rounds, method 3): the owner of
 * the topic now on is its inbrenger for that round, and whoever holds the inbrenger role by hand
 * is a deelnemer for someone else's topic. So nobody changes roles per topic; the meeting's
 * frozen topic order (progress.topics, with each topic's author) says who presents, who listens
 * and who gives advice. The begeleider and an observer keep their role. Outside the walk, and in
 * methods without one, the role is the role given.
 */
export function roleInTopicWalk(
  template: Template,
  progress: Pick<MeetingProgress, 'phaseIndex' | 'round' | 'topics'>,
  participantId: string,
  role: RoleId,
): RoleId {
  if (role === 'begeleider' || role === 'observer') return role
  const on = currentTopic(template, progress)
  if (!on || on.topic.authorId === null) return role
  if (on.topic.authorId === participantId) return 'inbrenger'
  return role === 'inbrenger' ? 'deelnemer' : role
}

/** Everyone with the role the rules give them now (roleInTopicWalk): who takes a turn, who listens. */
export function rolesInTopicWalk<P extends { id: string; role: RoleId }>(
  template: Template,
  progress: Pick<MeetingProgress, 'phaseIndex' | 'round' | 'topics'>,
  people: readonly P[],
): P[] {
  return people.map((p) => {
    const role = roleInTopicWalk(template, progress, p.id, p.role)
    return role === p.role ? p : { ...p, role }
  })
}
