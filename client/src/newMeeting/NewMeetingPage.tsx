/** `/nieuw`: choose a method and create a meeting. (Being built.) */
export default function NewMeetingPage() {
  return null
}
