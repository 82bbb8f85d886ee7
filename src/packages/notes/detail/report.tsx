// 举报: a note (from the ⋯ menu) or one comment (its 举报 link), once per student, with one of the
// contract's reasons. The choice is made first and sent with 提交举报, so a slip of the finger
// reports nothing. Three students' reports send a note back to a person and hide a comment.
import { REPORT_REASONS } from '@core/contracts/notes';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { reportNote } from '../../../api/notes';
import { Button, Sheet, toast } from '../../../components/ui';

export type ReportReason = (typeof REPORT_REASONS)[number];

/** What is reported: the note, or one of its comments. */
export interface ReportTarget {
  noteId: string;
  commentId?: string;
}

export function ReportSheet({ target, onClose }: { target: ReportTarget | null; onClose: () => void }) {
  const [reason, setReason] = useState<ReportReason | null>(null);
  const close = () => {
    setReason(null);
    onClose();
  };
  const send = async () => {
    if (!target || !reason) return;
    const r = await reportNote({ ...target, reason });
    if (!r.ok) return toast(r.message);
    close();
    toast('已举报，我们会尽快处理');
  };
  return (
    <Sheet
      open={target !== null}
      title={target?.commentId ? '举报评论' : '举报笔记'}
      onClose={close}
      testId='report-sheet'
      footer={
        <Button type='danger' block disabled={!reason} testId='report-submit' onClick={send}>
          提交举报
        </Button>
      }
    >
      <Text className='nd-report-hint'>选择原因，我们会尽快核实处理。作者不会知道是谁举报的。</Text>
      {REPORT_REASONS.map((r) => (
        <View key={r} className={`nd-report-reason${reason === r ? ' nd-report-on' : ''}`} data-testid='report-reason' onClick={() => setReason(r)}>
          <Text>{r}</Text>
          <Text className='nd-report-check'>{reason === r ? '✓' : ''}</Text>
        </View>
      ))}
    </Sheet>
  );
}

/** The ⋯ menu of a note someone else wrote. */
export function NoteMenu({ open, onReport, onClose }: { open: boolean; onReport: () => void; onClose: () => void }) {
  return (
    <Sheet open={open} onClose={onClose} testId='note-menu'>
      <View className='nd-menu-item' data-testid='note-menu-report' onClick={onReport}>
        <Text>举报笔记</Text>
      </View>
    </Sheet>
  );
}
