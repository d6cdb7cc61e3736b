// The browser's image decoder for uploads (PNG, JPEG; main thread or worker): createImageBitmap,
// then the pixels through an OffscreenCanvas. Nothing leaves the page.
import type { ImageDecoder } from './upload-dataset';

export const browserImageDecoder: ImageDecoder = async (bytes) => {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart]));
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    return { rgba: data.data, width: data.width, height: data.height };
  } finally {
    bitmap.close();
  }
};
