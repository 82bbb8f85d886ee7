// Photos for a form (refund evidence, products): pick with Taro.chooseImage, upload each to
// storage, keep the file ids. Thumbnails with a delete corner and an add tile while under max.
// `prepare` may turn each picked file into another before upload (notes shrink photos to 1080 px).
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { uploadImage } from '../../api/transport';
import { toast } from './toast';

export function ImageUpload({
  value,
  max,
  folder,
  onChange,
  prepare,
  testId,
}: {
  value: string[];
  max: number;
  folder: string;
  onChange: (v: string[]) => void;
  /** Runs on each picked file before upload (compression); answers the path to upload. */
  prepare?: (path: string) => Promise<string>;
  testId?: string;
}) {
  const [uploading, setUploading] = useState(0);
  const add = async () => {
    if (uploading) return;
    const room = max - value.length;
    if (room <= 0) return;
    const picked = await Taro.chooseImage({ count: room, sizeType: ['compressed'] }).catch(() => null);
    const paths = picked?.tempFilePaths.slice(0, room) ?? [];
    if (paths.length === 0) return;
    setUploading(paths.length);
    const done: string[] = [];
    for (const p of paths) {
      try {
        done.push(await uploadImage(prepare ? await prepare(p) : p, folder));
      } catch {
        toast('有图片没传上去，请重试');
      }
    }
    setUploading(0);
    onChange([...value, ...done].slice(0, max));
  };
  return (
    <View className='ui-upload' data-testid={testId}>
      {value.map((src, i) => (
        <View key={src} className='ui-upload-item'>
          <Image className='ui-upload-img' src={src} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: value, current: src })} />
          <View className='ui-upload-del' onClick={() => onChange(value.filter((_, j) => j !== i))}>
            <Text>×</Text>
          </View>
        </View>
      ))}
      {value.length < max ? (
        <View className='ui-upload-item ui-upload-add' data-testid={testId ? `${testId}-add` : undefined} onClick={() => void add()}>
          <Text className='ui-upload-plus'>{uploading ? '上传中' : '+'}</Text>
          <Text className='ui-upload-count'>
            {value.length}/{max}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
