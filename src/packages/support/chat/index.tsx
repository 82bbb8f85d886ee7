// 联系客服 (H5, and the weapp fallback): a chat with the rule-based answerer, the same FAQ the
// bot in WeChat's customer-service session uses. Suggested questions first; each answer offers
// the other matches; a question nothing answers is recorded for the shop and promised a person.
import { Input, ScrollView, Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { askSupport, type SupportRef, supportSuggestions } from '../../../api/support';
import { Button, toast } from '../../../components/ui';
import { safeDecode } from '../../../utils/query';
import { ASK_MAX, answerBubble, type Bubble, greeting, sendable } from './chat';
import './index.css';

export default function SupportChat() {
  const [ref, setRef] = useState<SupportRef>({});
  const [bubbles, setBubbles] = useState<Bubble[]>([]);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const seq = useRef(0);
  const next = () => ++seq.current;

  useLoad(async (query: Record<string, string | undefined>) => {
    // The product page names the shop; the order page names the order (the server finds its shop).
    const merchantId = safeDecode(query.merchantId) || undefined;
    const orderId = safeDecode(query.orderId) || undefined;
    const about: SupportRef = merchantId ? { merchantId } : orderId ? { orderId } : {};
    setRef(about);
    const res = await supportSuggestions(about);
    setBubbles([greeting(next(), res.ok ? res.data.questions : [])]);
  });

  const ask = async (raw: string) => {
    const question = sendable(raw);
    if (!question || sending) return;
    setSending(true);
    setText('');
    setBubbles((b) => [...b, { id: next(), from: 'me', text: question, chips: [] }]);
    const res = await askSupport(question, ref);
    setSending(false);
    if (!res.ok) {
      toast(res.message);
      return;
    }
    setBubbles((b) => [...b, answerBubble(next(), res.data)]);
  };

  const last = bubbles[bubbles.length - 1];
  return (
    <View className='cs-page' data-testid='support-chat'>
      <ScrollView className='cs-list' scrollY scrollIntoView={last ? `cs-${last.id}` : undefined}>
        <Text className='cs-note'>自动回复根据常见问题作答；答不上来的会转给人工客服。</Text>
        {bubbles.map((b) => (
          <View key={b.id} id={`cs-${b.id}`} className={`cs-row${b.from === 'me' ? ' cs-row-me' : ''}`}>
            <View className={`cs-bubble cs-bubble-${b.from}`} data-testid={b.from === 'bot' ? 'support-bot' : 'support-me'}>
              <Text>{b.text}</Text>
              {b.chips.length ? (
                <View className='cs-chips'>
                  {b.chips.map((c) => (
                    <Text key={c.faqId} className='cs-chip' data-testid='support-chip' onClick={() => void ask(c.question)}>
                      {c.question}
                    </Text>
                  ))}
                </View>
              ) : null}
            </View>
          </View>
        ))}
      </ScrollView>
      <View className='cs-bar'>
        <Input
          className='cs-input'
          value={text}
          maxlength={ASK_MAX}
          placeholder='输入你的问题'
          confirmType='send'
          onInput={(e) => setText(e.detail.value)}
          onConfirm={() => void ask(text)}
          data-testid='support-input'
        />
        <Button type='primary' size='small' disabled={!sendable(text)} loading={sending} testId='support-send' onClick={() => ask(text)}>
          发送
        </Button>
      </View>
    </View>
  );
}
