/**
 * Up to MAX_PHOTOS photos picked for a form (诉求, 投诉): each batch checked when picked against the concerns'
 * limits (concern-photo.rules.ts), refused with the reason on the page, kept until the page uploads them. The
 * page shows `data.photos` (local paths) and `data.photoError`, binds 添加 to `onAddPhotos` and × to
 * `onRemovePhoto` (data-index), and uploads `pickedPhotos(this)` when it sends.
 */
import { instanceState } from '../../../utils/instance-state';
import { showFailure, showNotice } from '../../../utils/notice';
import { pickPhotos } from '../services/concern-photos.service';
import { MAX_PHOTOS, checkPickedPhotos, type PickedPhoto } from '../view-models/concern-photo.rules';

/** Not rendered: the photos picked, in order. */
const picked = instanceState(() => ({ photos: [] as PickedPhoto[] }));

/** The photos the page has picked, to upload when it sends. */
export function pickedPhotos(page: object): readonly PickedPhoto[] {
  return picked(page).photos;
}

export const photoPickerBehavior = Behavior({
  data: {
    /** The picked photos' local paths, shown as thumbnails. */
    photos: [] as string[],
    /** Why the last photos picked were not added; '' when they were. */
    photoError: '',
  },
  methods: {
    async onAddPhotos() {
      const s = picked(this);
      let batch: PickedPhoto[];
      try {
        batch = await pickPhotos(MAX_PHOTOS - s.photos.length);
      } catch (e) {
        showFailure(this, e);
        return;
      }
      if (batch.length === 0) return;
      const check = checkPickedPhotos(batch, s.photos.length);
      if (!check.ok) {
        this.setData({ photoError: check.message });
        showNotice(this, check.message, 'warning');
        return;
      }
      s.photos = [...s.photos, ...check.value];
      this.setData({ photos: s.photos.map((p) => p.path), photoError: '' });
    },
    onRemovePhoto(e: WechatMiniprogram.CustomEvent<object, object, { index: number }>) {
      const s = picked(this);
      s.photos = s.photos.filter((_p, i) => i !== Number(e.currentTarget.dataset.index));
      this.setData({ photos: s.photos.map((p) => p.path) });
    },
  },
});
