// A note in a two-column feed (发现, topic pages, profiles): cover, title, author, likes, and why
// it is here (the feed's reason) in small grey text. ⋯ opens the card's menu (不感兴趣) when the
// page gives one. Light on purpose: the 发现 tab is in the main package.
import type { FeedCard } from '@core/contracts/notes';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { countText } from './count';
import './index.css';

export const noteUrl = (noteId: string) => `/packages/notes/detail/index?id=${encodeURIComponent(noteId)}`;

export function NoteCard({ note, onMore }: { note: FeedCard; onMore?: (note: FeedCard) => void }) {
  return (
    <View className='note-card' data-testid='note-card' onClick={() => Taro.navigateTo({ url: noteUrl(note.noteId) })}>
      {note.cover ? <Image className='note-card-cover' src={note.cover} mode='aspectFill' lazyLoad /> : <View className='note-card-cover note-card-nocover' />}
      <View className='note-card-body'>
        <Text className='note-card-title'>{note.title}</Text>
        {note.adLabel ? <Text className='note-card-ad'>广告 · {note.adLabel.merchantName}</Text> : null}
        {note.reason ? (
          <Text className='note-card-reason' data-testid='note-card-reason'>
            {note.reason}
          </Text>
        ) : null}
        <View className='note-card-foot'>
          {note.authorAvatar ? (
            <Image className='note-card-avatar' src={note.authorAvatar} mode='aspectFill' />
          ) : (
            <Text className='note-card-avatar note-card-avatar-empty'>{note.authorName.slice(0, 1)}</Text>
          )}
          <Text className='note-card-author'>{note.authorName}</Text>
          <Text className='note-card-likes'>♡ {countText(note.likes, '0')}</Text>
          {onMore ? (
            <Text
              className='note-card-more'
              data-testid='note-card-more'
              onClick={(e) => {
                e.stopPropagation();
                onMore(note);
              }}
            >
              ⋯
            </Text>
          ) : null}
        </View>
      </View>
    </View>
  );
}

/** Two columns, filled left and right in turn (each column keeps its own height). */
export function NoteGrid({ items, onMore, testId }: { items: FeedCard[]; onMore?: (note: FeedCard) => void; testId?: string }) {
  const cols = [items.filter((_, i) => i % 2 === 0), items.filter((_, i) => i % 2 === 1)];
  return (
    <View className='note-grid' data-testid={testId}>
      {cols.map((col, c) => (
        <View key={c === 0 ? 'left' : 'right'} className='note-grid-col'>
          {col.map((n) => (
            <NoteCard key={n.noteId} note={n} onMore={onMore} />
          ))}
        </View>
      ))}
    </View>
  );
}
