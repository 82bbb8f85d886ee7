import { ScrollView, Text, View } from '@tarojs/components';

export interface TabItem<K extends string = string> {
  key: K;
  label: string;
  badge?: number | string;
}

/** A scrollable row of tabs; the current one is underlined in the brand colour. */
export function Tabs<K extends string>({ items, value, onChange, testId }: { items: TabItem<K>[]; value: K; onChange: (key: K) => void; testId?: string }) {
  return (
    <ScrollView className='ui-tabs' scrollX enhanced showScrollbar={false} data-testid={testId}>
      <View className='ui-tabs-row'>
        {items.map((t) => (
          <View
            key={t.key}
            className={`ui-tab${t.key === value ? ' ui-tab-on' : ''}`}
            data-testid={testId ? `${testId}-${t.key}` : undefined}
            onClick={() => t.key !== value && onChange(t.key)}
          >
            <Text className='ui-tab-label'>{t.label}</Text>
            {t.badge ? <Text className='ui-tab-badge'>{t.badge}</Text> : null}
          </View>
        ))}
      </View>
    </ScrollView>
  );
}
