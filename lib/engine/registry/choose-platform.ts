import type { Digest } from '@/lib/util';
import { parseImagePlatform, type ImagePlatform } from '../image';

/**
 * containerd's matcher for picking a manifest out of an index (`docker pull --platform`): same
 * os and architecture, and the variant when one is asked for (`arm64` means `v8`); without a
 * variant the first of the architecture is taken. Undefined when the index has no such platform.
 */
export function choosePlatform(manifests: readonly { readonly digest: Digest; readonly platform?: ImagePlatform | undefined }[], wanted: string): Digest | undefined {
  const want = parseImagePlatform(wanted);
  const variant = (p: ImagePlatform) => p.variant ?? (p.architecture === 'arm64' ? 'v8' : '');
  const candidates = manifests.filter((m) => m.platform !== undefined && m.platform.os === want.os && m.platform.architecture === want.architecture);
  return (candidates.find((m) => variant(m.platform as ImagePlatform) === variant(want)) ?? (want.variant === undefined ? candidates[0] : undefined))?.digest;
}
