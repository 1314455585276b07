import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { usePeople } from '../api/people';
import { useT } from '../i18n';
import { useDebounced } from '../lib/use-debounced';

type PersonSelectProps = Omit<SelectProps<number | number[]>, 'options' | 'showSearch'> & {
  projectId: number | undefined;
  /** Shown for the current value before a search has loaded it. */
  currentLabel?: string | null;
};

/** A person of a project, found by name or mobile as one types. */
export function PersonSelect({ projectId, currentLabel, ...props }: PersonSelectProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const people = usePeople(
    { projectId, q: q || undefined, page: 1, pageSize: 20 },
    { enabled: projectId !== undefined },
  );
  const options = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.mobile ? `${p.name}（${p.mobile}）` : p.name,
  }));
  const current = typeof props.value === 'number' ? props.value : undefined;
  if (current !== undefined && currentLabel && !options.some((o) => o.value === current)) {
    options.unshift({ value: current, label: currentLabel });
  }

  return (
    <Select
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={people.isFetching}
      placeholder={t('person.searchPlaceholder')}
      notFoundContent={people.isFetching ? undefined : t('person.noneFound')}
      {...props}
      options={options}
    />
  );
}
