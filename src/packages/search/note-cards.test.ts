import type { NoteCard } from '@core/contracts/notes';
import { asFeedCards, missingAuthors } from './note-cards';

const card = (noteId: string, author: string): NoteCard => ({
  noteId,
  author,
  title: 't',
  cover: '',
  status: 'published',
  adLabel: null,
  likes: 0,
  publishedAt: 1,
});

test('cards get their authors’ names, 同学 until known, and no feed reason', () => {
  const authors = new Map([['a', { nickname: '周一一', avatarUrl: 'x.png' }]]);
  expect(asFeedCards([card('1', 'a'), card('2', 'b')], authors).map((c) => [c.authorName, c.authorAvatar, c.reason])).toEqual([
    ['周一一', 'x.png', null],
    ['同学', '', null],
  ]);
});

test('each unknown author once', () => {
  const authors = new Map([['a', { nickname: 'A', avatarUrl: '' }]]);
  expect(missingAuthors([card('1', 'a'), card('2', 'b'), card('3', 'b'), card('4', 'c')], authors)).toEqual(['b', 'c']);
});
