import { Descriptions, Drawer, Skeleton, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { type PersonDetail, usePerson } from '../../api/people';
import { useCustomFieldItems } from '../../components/custom-field-descriptions';
import { useT } from '../../i18n';
import { ROLE_COLORS, labelOf } from '../../lib/resource-labels';

type Link_ = PersonDetail['links'][number];

/** A person's archive and every resource they are or were linked to. */
export function PersonDrawer(props: {
  personId: number | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { personId, open, onClose } = props;
  const t = useT();
  const person = usePerson(open ? personId : undefined);
  const data = person.data;
  const customItems = useCustomFieldItems('person', data?.customFields ?? {});

  return (
    <Drawer open={open} width={720} title={data?.name ?? t('person.detail')} onClose={onClose}>
      {!data ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" size={24} style={{ width: '100%' }}>
          <Descriptions
            column={2}
            items={[
              { label: t('person.mobile'), children: data.mobile ?? '—' },
              { label: t('person.email'), children: data.email ?? '—' },
              { label: t('person.gender'), children: labelOf(t, 'person.gender', data.gender) },
              { label: t('person.idType'), children: labelOf(t, 'person.idType', data.idType) },
              { label: t('person.idNumber'), children: data.idNumber ?? '—' },
              { label: t('person.birthday'), children: data.birthday ?? '—' },
              {
                label: t('person.tags'),
                children: data.tags.length
                  ? data.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)
                  : '—',
              },
              ...customItems,
              { label: t('person.note'), span: 2, children: data.note ?? '—' },
            ].map((item, index) => ({ key: String(index), ...item }))}
          />
          <Table<Link_>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.links}
            title={() => t('person.resources')}
            rowClassName={(link) => (link.current ? '' : 'row-muted')}
            columns={[
              {
                title: t('resource.code'),
                dataIndex: 'resourceCode',
                render: (code: string, link) => (
                  <Link to={`/resources/${link.resourceId}`}>{code}</Link>
                ),
              },
              {
                title: t('resource.kind'),
                dataIndex: 'resourceKind',
                width: 100,
                render: (kind: Link_['resourceKind']) => t(`resource.kind.${kind}`),
              },
              {
                title: t('link.role'),
                dataIndex: 'role',
                width: 100,
                render: (role: Link_['role']) => (
                  <Tag color={ROLE_COLORS[role]}>{t(`person.role.${role}`)}</Tag>
                ),
              },
              { title: t('link.startDate'), dataIndex: 'startDate', width: 110 },
              {
                title: t('link.endDate'),
                dataIndex: 'endDate',
                width: 110,
                render: (date: string | null) => date ?? '—',
              },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
