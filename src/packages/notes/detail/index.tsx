// 笔记详情: the pictures, title, body, topics (tap → the topic page), the author (tap → their
// profile), the 广告 label with the merchant's name when the server set one, 已购 for a verified
// purchase, the tagged products (tap → buy), then the comments. The bar at the bottom writes a
// comment and toggles 赞 and 收藏 (shown at once, then set to the server's count). The author
// also sees why a note is not public (审核中 / 未通过 / 已下架) and can edit it.
import type { CommentView, NoteView } from '@core/contracts/notes';
import { formatFen } from '@core/money';
import { Image, Input, Swiper, SwiperItem, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { newRequestId } from '../../../api/groupbuy';
import { collectNote, commentNote, getNote, likeNote, noteComments, noteProductClick, uncollectNote, unlikeNote } from '../../../api/notes';
import { countText } from '../../../components/NoteCard/count';
import { Button, Empty, Tag, toast } from '../../../components/ui';
import { useShareCodes, withCode } from '../../../services/share-code';
import { userStore } from '../../../stores/user';
import { decodeParams } from '../../../utils/query';
import { relative } from '../../../utils/time';
import { useAuthors } from '../shared/authors';
import { statusBanner } from '../shared/status';
import { Comments } from './comments';
import { NoteMenu, ReportSheet, type ReportTarget } from './report';
import { AuthorStats } from './stats';
import { flip, settle, type Toggle } from './toggle';
import '../shared/notes.css';
import './index.css';

const go = (url: string) => Taro.navigateTo({ url });

export default function NoteDetail() {
  const [id, setId] = useState('');
  const [note, setNote] = useState<NoteView | null>(null);
  const [error, setError] = useState('');
  const [like, setLike] = useState<Toggle>({ on: false, count: 0 });
  const [collect, setCollect] = useState<Toggle>({ on: false, count: 0 });
  const [comments, setComments] = useState<CommentView[]>([]);
  const [commentCursor, setCommentCursor] = useState<string | null>(null);
  const [commentTotal, setCommentTotal] = useState(0);
  const [text, setText] = useState('');
  const [replyTo, setReplyTo] = useState<{ id: string; name: string } | null>(null);
  const [focus, setFocus] = useState(false);
  const [loads, setLoads] = useState(0);
  const [menu, setMenu] = useState(false);
  const [reporting, setReporting] = useState<ReportTarget | null>(null);
  const busy = useRef({ like: false, collect: false });
  const requestId = useRef(newRequestId());
  const author = useAuthors(note ? [note.author] : [])(note?.author ?? '');

  const load = async (noteId: string) => {
    setError('');
    const [res, cs] = await Promise.all([getNote(noteId), noteComments(noteId)]);
    if (!res.ok) return setError(res.code === 'NOT_FOUND' ? '笔记不存在或已删除' : res.message);
    setNote(res.data);
    setLoads((n) => n + 1);
    setLike({ on: res.data.liked, count: res.data.likes });
    setCollect({ on: res.data.collected, count: res.data.collects });
    setCommentTotal(res.data.comments);
    if (cs.ok) {
      setComments(cs.data.items);
      setCommentCursor(cs.data.nextCursor);
    }
  };
  useLoad((params) => {
    const { values, broken } = decodeParams(params, ['id']);
    if (broken || !values.id) return setError('链接已失效');
    setId(values.id);
    void load(values.id);
  });
  // The author back from the editor: the edited note and its new status. (Not for readers: each
  // read of someone else's note counts as a view in its author's figures.)
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && id && note?.author === userStore.profile?.openid) void load(id);
    shown.current = true;
  });
  usePullDownRefresh(async () => {
    if (id) await load(id);
    Taro.stopPullDownRefresh();
  });
  // The card carries a share code (sharing's attribution; the author's 笔记数据 counts its opens and orders).
  const shareCode = useShareCodes('note', id);
  useShareAppMessage(() =>
    withCode(
      { title: note ? note.title : '校园种草笔记', path: `/packages/notes/detail/index?id=${encodeURIComponent(id)}`, imageUrl: note?.images[0] },
      shareCode('chat'),
      (code) => ({ path: `/pages/share/index?sc=${code}` }),
    ),
  );

  const toggleLike = async () => {
    if (!note || busy.current.like) return;
    busy.current.like = true;
    const before = like;
    setLike(flip(before));
    const r = before.on ? await unlikeNote(note.noteId) : await likeNote(note.noteId);
    busy.current.like = false;
    setLike(settle(before, r.ok ? { ok: true, on: r.data.liked, count: r.data.likes } : { ok: false }));
    if (!r.ok) toast(r.message);
  };
  const toggleCollect = async () => {
    if (!note || busy.current.collect) return;
    busy.current.collect = true;
    const before = collect;
    setCollect(flip(before));
    const r = before.on ? await uncollectNote(note.noteId) : await collectNote(note.noteId);
    busy.current.collect = false;
    setCollect(settle(before, r.ok ? { ok: true, on: r.data.collected, count: r.data.collects } : { ok: false }));
    if (!r.ok) toast(r.message);
    else if (r.data.collected) toast('已收藏', 'success');
  };
  const moreComments = async () => {
    if (!note || !commentCursor) return;
    const r = await noteComments(note.noteId, commentCursor);
    if (!r.ok) return toast(r.message);
    setComments((prev) => [...prev, ...r.data.items]);
    setCommentCursor(r.data.nextCursor);
  };
  const send = async () => {
    if (!note) return;
    const t = text.trim();
    if (!t) return toast('先写点什么吧');
    const r = await commentNote({ noteId: note.noteId, text: t, requestId: requestId.current, ...(replyTo ? { replyTo: replyTo.id } : {}) });
    if (!r.ok) {
      if (r.code !== 'NETWORK') requestId.current = newRequestId();
      return toast(r.message);
    }
    requestId.current = newRequestId();
    setText('');
    setReplyTo(null);
    setFocus(false);
    toast('评论成功', 'success');
    // Only the comments again: reading the note would count another view for its author.
    setCommentTotal((n) => n + 1);
    const cs = await noteComments(note.noteId);
    if (cs.ok) {
      setComments(cs.data.items);
      setCommentCursor(cs.data.nextCursor);
    }
  };
  const openProduct = (productId: string) => {
    // Counted for the author's figures; the page opens whether or not the count lands.
    if (note) void noteProductClick(note.noteId, productId);
    void go(`/pages/product/index?id=${encodeURIComponent(productId)}`);
  };
  const reply = (c: CommentView, name: string) => {
    setReplyTo({ id: c.commentId, name });
    setFocus(true);
  };

  if (!note)
    return (
      <View className='page'>
        {error ? (
          <Empty
            title={error}
            hint={error === '链接已失效' ? '链接可能不完整，请让同学重新分享一次' : undefined}
            actionText='去发现'
            onAction={() => Taro.switchTab({ url: '/pages/discover/index' })}
            secondaryText={id && error !== '笔记不存在或已删除' ? '重试' : undefined}
            onSecondary={() => load(id)}
            testId='note-error'
          />
        ) : (
          <Text className='nt-loading'>加载中…</Text>
        )}
      </View>
    );
  const banner = statusBanner(note.status, note.reason);
  const profileUrl = `/packages/notes/profile/index?openid=${encodeURIComponent(note.author)}`;
  const mine = note.author === userStore.profile?.openid;
  return (
    <View className='page nd-page' data-testid='note-detail'>
      {banner ? (
        <View className={`nd-banner nd-banner-${banner.tone}`} data-testid='note-status'>
          <Text className='nd-banner-text'>{banner.text}</Text>
          <Button size='small' testId='note-edit' onClick={() => go(`/packages/notes/edit/index?id=${encodeURIComponent(note.noteId)}`)}>
            编辑
          </Button>
        </View>
      ) : null}
      {note.images.length > 0 ? (
        <View data-testid='note-images'>
          <Swiper className='nd-swiper' indicatorDots={note.images.length > 1}>
            {note.images.map((src) => (
              <SwiperItem key={src}>
                <Image className='nd-img' src={src} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: note.images, current: src })} />
              </SwiperItem>
            ))}
          </Swiper>
        </View>
      ) : null}
      <View className='section nd-main'>
        <View className='nd-author' data-testid='note-author' onClick={() => go(profileUrl)}>
          {author.avatarUrl ? (
            <Image className='nd-avatar' src={author.avatarUrl} mode='aspectFill' />
          ) : (
            <Text className='nd-avatar nd-avatar-empty'>{author.nickname.slice(0, 1)}</Text>
          )}
          <Text className='nd-author-name'>{author.nickname}</Text>
          {note.publishedAt ? <Text className='muted'>{relative(note.publishedAt)}</Text> : null}
          {mine || note.status !== 'published' ? null : (
            <Text
              className='nd-more-btn'
              data-testid='note-more'
              onClick={(e) => {
                e.stopPropagation();
                setMenu(true);
              }}
            >
              ⋯
            </Text>
          )}
        </View>
        <Text className='nd-title' data-testid='note-title'>
          {note.title}
        </Text>
        {note.adLabel || note.purchased ? (
          <View className='nd-labels'>
            {note.adLabel ? <Tag tone='warning' testId='note-ad'>{`广告 · ${note.adLabel.merchantName}`}</Tag> : null}
            {note.purchased ? (
              <Tag tone='success' testId='note-purchased'>
                已购
              </Tag>
            ) : null}
          </View>
        ) : null}
        {note.body ? <Text className='nd-body'>{note.body}</Text> : null}
        {note.topics.length > 0 ? (
          <View className='nd-topics'>
            {note.topics.map((t) => (
              <Text key={t} className='nd-topic' data-testid='note-topic' onClick={() => go(`/packages/notes/topic/index?topic=${encodeURIComponent(t)}`)}>
                #{t}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
      {note.products.length > 0 ? (
        <View className='section'>
          <Text className='section-title'>笔记里的商品</Text>
          {note.products.map((p) => (
            <View key={p.id} className='nd-product' data-testid='note-product' onClick={() => openProduct(p.id)}>
              {p.cover ? <Image className='nd-product-cover' src={p.cover} mode='aspectFill' /> : <View className='nd-product-cover' />}
              <View className='nd-product-main'>
                <Text className='nd-product-title'>{p.title}</Text>
                <View className='nd-product-foot'>
                  <Text className='nd-product-price'>{formatFen(p.priceFen)}</Text>
                  {p.onSale ? <Text className='nd-product-go'>去看看 ›</Text> : <Tag tone='neutral'>已下架</Tag>}
                </View>
              </View>
            </View>
          ))}
        </View>
      ) : null}
      {mine && note.status === 'published' ? <AuthorStats noteId={note.noteId} refresh={loads} /> : null}
      {/* Only a published note takes comments, likes and collects (others cannot see the rest). */}
      {note.status === 'published' ? (
        <Comments
          items={comments}
          total={commentTotal}
          more={commentCursor !== null}
          onMore={moreComments}
          onReply={reply}
          onReport={(c) => setReporting({ noteId: note.noteId, commentId: c.commentId })}
        />
      ) : null}
      {note.status === 'published' ? <View className='nd-bar-spacer' /> : null}
      <View className={`nd-bar${note.status === 'published' ? '' : ' nd-bar-off'}`} data-testid='note-bar'>
        <View className='nd-input-wrap'>
          <Input
            className='nd-input'
            value={text}
            focus={focus}
            maxlength={500}
            confirmType='send'
            placeholder={replyTo ? `回复 @${replyTo.name}` : '说点什么…'}
            placeholderClass='ui-placeholder'
            data-testid='comment-input'
            onInput={(e) => setText(e.detail.value)}
            onBlur={() => setFocus(false)}
            onConfirm={() => void send()}
          />
          {replyTo ? (
            <Text className='nd-reply-off' onClick={() => setReplyTo(null)}>
              ×
            </Text>
          ) : null}
        </View>
        {text.trim() ? (
          <Button type='primary' size='small' testId='comment-send' onClick={send}>
            发送
          </Button>
        ) : (
          <>
            <View className={`nd-act${like.on ? ' nd-act-on' : ''}`} data-testid='note-like' onClick={() => void toggleLike()}>
              <Text className='nd-act-icon'>{like.on ? '♥' : '♡'}</Text>
              <Text className='nd-act-count' data-testid='note-likes'>
                {countText(like.count, '赞')}
              </Text>
            </View>
            <View className={`nd-act${collect.on ? ' nd-act-on' : ''}`} data-testid='note-collect' onClick={() => void toggleCollect()}>
              <Text className='nd-act-icon'>{collect.on ? '★' : '☆'}</Text>
              <Text className='nd-act-count' data-testid='note-collects'>
                {countText(collect.count, '收藏')}
              </Text>
            </View>
            <View className='nd-act' data-testid='note-comment-count' onClick={() => void Taro.pageScrollTo({ selector: '#nd-comments', duration: 200 })}>
              <Text className='nd-act-icon'>✎</Text>
              <Text className='nd-act-count'>{countText(commentTotal, '评论')}</Text>
            </View>
          </>
        )}
      </View>
      <NoteMenu
        open={menu}
        onClose={() => setMenu(false)}
        onReport={() => {
          setMenu(false);
          setReporting({ noteId: note.noteId });
        }}
      />
      <ReportSheet target={reporting} onClose={() => setReporting(null)} />
    </View>
  );
}
