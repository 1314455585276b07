import { Select, Space } from 'antd';
import { useState } from 'react';
import { useAdSpaces } from '../api/ad-spaces';
import type { ResourceKind } from '../api/resources';
import { useRooms } from '../api/rooms';
import { useShops } from '../api/shops';
import { useParkingSpaces } from '../api/parking-spaces';
import { useStorageRooms } from '../api/storage-rooms';
import { useT } from '../i18n';
import { labelledOptions } from '../lib/resource-labels';
import { useDebounced } from '../lib/use-debounced';

interface ResourceSelectProps {
  projectId: number | undefined;
  /** The kinds to choose from; the first is picked at the start. */
  kinds: readonly ResourceKind[];
  value?: number;
  onChange?: (id: number | undefined) => void;
  id?: string;
}

interface Hit {
  id: number;
  code: string;
  buildingName?: string | null;
}

/** The list of one kind that matches the typed code: one list call for the kind picked. */
function useHits(kind: ResourceKind, projectId: number | undefined, q: string): Hit[] {
  const query = { projectId, q: q || undefined, page: 1, pageSize: 20 };
  const on = (k: ResourceKind) => ({ enabled: kind === k && projectId !== undefined });
  const lists = {
    room: useRooms(query, on('room')),
    shop: useShops(query, on('shop')),
    parking_space: useParkingSpaces(query, on('parking_space')),
    ad_space: useAdSpaces(query, on('ad_space')),
    storage: useStorageRooms(query, on('storage')),
  };

  return (lists[kind].data?.items ?? []) as Hit[];
}

/** Picks one resource of a project: its kind, then its code by search. */
export function ResourceSelect({ projectId, kinds, value, onChange, id }: ResourceSelectProps) {
  const t = useT();
  const [kind, setKind] = useState<ResourceKind>(kinds[0] ?? 'room');
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const hits = useHits(kind, projectId, q);

  return (
    <Space.Compact style={{ width: '100%' }}>
      {kinds.length > 1 && (
        <Select
          style={{ width: 120 }}
          value={kind}
          aria-label={t('resource.kind')}
          options={labelledOptions(t, 'resource.kind', kinds)}
          onChange={(next: ResourceKind) => {
            setKind(next);
            onChange?.(undefined);
          }}
        />
      )}
      <Select
        id={id}
        style={{ width: kinds.length > 1 ? 'calc(100% - 120px)' : '100%' }}
        showSearch
        allowClear
        value={value}
        filterOption={false}
        placeholder={t('fees.searchResource')}
        onSearch={setText}
        onChange={(next: number | undefined) => onChange?.(next)}
        notFoundContent={null}
        options={hits.map((hit) => ({
          value: hit.id,
          label: hit.buildingName ? `${hit.code}（${hit.buildingName}）` : hit.code,
        }))}
      />
    </Space.Compact>
  );
}
