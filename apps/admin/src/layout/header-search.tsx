import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Profile } from '../api/auth';
import { usePeople } from '../api/people';
import { useRooms } from '../api/rooms';
import { useVehicles } from '../api/vehicles';
import { useT } from '../i18n';
import { useDebounced } from '../lib/use-debounced';
import { useCurrentProject } from './project-context';

const LIMIT = { page: 1, pageSize: 5 };

function Hit({ title, note }: { title: string; note?: string | null }) {
  return (
    <span style={{ display: 'flex', justifyContent: 'space-between', gap: 12 }}>
      <span>{title}</span>
      {note && (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 160 }}>
          {note}
        </Typography.Text>
      )}
    </span>
  );
}

/**
 * One box for rooms by code, people by name or mobile and vehicles by plate, grouped; Enter
 * opens the first hit. Three list calls until a search endpoint exists.
 */
export function HeaderSearch({ me }: { me: Profile }) {
  const t = useT();
  const navigate = useNavigate();
  const { projectId } = useCurrentProject();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const can = (code: string) => me.permissions.includes(code);
  const searching = q.length > 0;
  const query = { ...LIMIT, q, projectId };
  const rooms = useRooms(query, { enabled: searching && can('resources.view') });
  const people = usePeople(query, { enabled: searching && can('people.person.view') });
  const vehicles = useVehicles(query, { enabled: searching && can('people.vehicle.view') });
  if (!can('resources.view') && !can('people.person.view') && !can('people.vehicle.view')) {
    return null;
  }

  const group = (
    labelKey: 'search.rooms' | 'search.people' | 'search.vehicles',
    options: { value: string; label: JSX.Element }[],
  ) => (options.length ? [{ label: t(labelKey), options }] : []);
  const options = searching
    ? [
        ...group(
          'search.rooms',
          (rooms.data?.items ?? []).map((r) => ({
            value: `/resources/${r.id}`,
            label: <Hit title={r.code} note={r.owners ?? r.buildingName} />,
          })),
        ),
        ...group(
          'search.people',
          (people.data?.items ?? []).map((p) => ({
            value: `/people?open=${p.id}`,
            label: <Hit title={p.name} note={p.mobile} />,
          })),
        ),
        ...group(
          'search.vehicles',
          (vehicles.data?.items ?? []).map((v) => ({
            value: `/vehicles?q=${encodeURIComponent(v.plate)}`,
            label: <Hit title={v.plate} note={v.personName} />,
          })),
        ),
      ]
    : [];
  const loading = rooms.isFetching || people.isFetching || vehicles.isFetching;

  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={setText}
      onSelect={(path: string) => {
        setText('');
        void navigate(path);
      }}
      defaultActiveFirstOption
      popupMatchSelectWidth={320}
      notFoundContent={searching && !loading ? t('search.none') : undefined}
      style={{ width: 240 }}
    >
      <Input
        allowClear
        aria-label={t('search.placeholder')}
        placeholder={t('search.placeholder')}
        prefix={<SearchOutlined style={{ color: '#bfbfbf' }} />}
      />
    </AutoComplete>
  );
}
