import { expect, it } from 'vitest'
import { unusedAssetIds } from '../../shared/unusedAssets'
import { imageAsset, imageShape } from './boardShapes'

it('names the assets no shape shows, whatever else the board holds', () => {
  const shown = imageAsset('asset:getoond', 'p1', null)
  const orphan = imageAsset('asset:wees', 'p1', null)
  const board = [shown, orphan, imageShape('shape:a', shown.id), imageShape('shape:b', shown.id)]
  expect(unusedAssetIds(board)).toEqual([orphan.id])
  expect(unusedAssetIds([shown, orphan])).toEqual([shown.id, orphan.id])
  expect(unusedAssetIds([imageShape('shape:c', 'asset:weg')])).toEqual([])
  expect(unusedAssetIds([])).toEqual([])
})
