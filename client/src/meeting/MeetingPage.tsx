/** `/m/<meetingId>`: one meeting's board with its phases and roles. (Being built.) */
export default function MeetingPage({ meetingId }: { meetingId: string }) {
  return <div data-meeting={meetingId} />
}
