import { downloadBlob, downloadJson } from '../report/download'
import { groupApi } from './groupApi'

const slug = (name: string) => name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'groep'

/** The register as the CSV the server makes ("presentielijst-<group>.csv"). */
export async function downloadRegisterCsv(groupId: string, name: string, secret: string): Promise<void> {
  const blob = await groupApi.attendanceCsv(groupId, secret)
  downloadBlob(`presentielijst-${slug(name)}.csv`, blob)
}

/** Everything the group has, as the export file to keep or import elsewhere. */
export async function downloadGroupExport(groupId: string, name: string, secret: string): Promise<void> {
  const file = await groupApi.exportFile(groupId, secret)
  downloadJson(`intervisiebord-${slug(name)}-${new Date().toISOString().slice(0, 10)}.json`, file)
}
