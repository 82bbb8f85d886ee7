import { Text } from '@tarojs/components';
import { Fragment, type ReactNode } from 'react';

/**
 * Parts joined by a separator, each part kept on one line ("初级 11-24 10:00" never splits before
 * its time): a long line wraps only between parts.
 */
export function JoinedLine({
  parts,
  prefix,
  separator = ' · ',
  className,
  testId,
}: {
  parts: string[];
  prefix?: ReactNode;
  separator?: string;
  className?: string;
  testId?: string;
}) {
  return (
    <Text className={className} data-testid={testId}>
      {prefix}
      {parts.map((p, i) => (
        <Fragment key={`${i}-${p}`}>
          {i ? separator : null}
          <Text className='ui-nowrap'>{p}</Text>
        </Fragment>
      ))}
    </Text>
  );
}
