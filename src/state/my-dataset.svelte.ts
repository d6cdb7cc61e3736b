// The page's one uploaded dataset and its supernet training, shared by the Data view (upload,
// preview, training) and the Search view (the Dataset menu): module singletons, so that
// training goes on while the person switches views. Replacing or deleting the upload forgets the
// supernets trained on it.

import { UploadState } from './upload.svelte';
import { UploadTrainingState } from './upload-training.svelte';
import { browserImageDecoder } from '../data/browser-image-decoder';

export const uploadTraining = new UploadTrainingState();
export const upload = new UploadState(browserImageDecoder, undefined, () => uploadTraining.forget());

let restored: Promise<void> | null = null;
/** Reads what an earlier visit kept (once per page). */
export function restoreMyDataset(): Promise<void> {
  restored ??= Promise.all([upload.restore(), uploadTraining.restore()]).then(() => {});
  return restored;
}
