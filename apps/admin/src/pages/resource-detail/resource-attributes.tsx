import { Descriptions } from 'antd';
import type { ReactNode } from 'react';
import type { ResourceDetail } from '../../api/resources';
import { useCustomFieldItems } from '../../components/custom-field-descriptions';
import { StatusTag } from '../../components/status-tag';
import { type MessageKey, type Translate, useT } from '../../i18n';
import { labelOf } from '../../lib/resource-labels';

type Attributes = Record<string, unknown>;
type Row = [MessageKey, ReactNode];

const text = (value: unknown): ReactNode =>
  value === null || value === undefined || value === '' ? '—' : String(value);
const area = (value: unknown): ReactNode => (value ? `${String(value)} ㎡` : '—');

/** The attributes each kind adds to code, project, building, area and status. */
function kindRows(kind: ResourceDetail['kind'], a: Attributes, t: Translate): Row[] {
  switch (kind) {
    case 'room':
      return [
        ['resource.unit', text(a.unitName)],
        ['resource.floor', text(a.floor)],
        ['room.innerArea', area(a.innerArea)],
        ['room.layout', text(a.layout)],
        ['room.decoration', labelOf(t, 'resource.decoration', a.decoration as string | null)],
        ['room.use', labelOf(t, 'resource.use', a.use as string | null)],
        ['room.feeCoefficient', text(a.feeCoefficient)],
        ['room.deliveryDate', text(a.deliveryDate)],
        ['room.moveInDate', text(a.moveInDate)],
      ];
    case 'shop':
      return [
        ['resource.floor', text(a.floor)],
        ['resource.leaseStart', text(a.leaseStart)],
        ['resource.leaseEnd', text(a.leaseEnd)],
        ['shop.rentStandard', text(a.rentStandard)],
        ['shop.businessScope', text(a.businessScope)],
      ];
    case 'parking_space':
      return [
        ['parkingSpace.lot', text(a.lotName)],
        ['parkingSpace.spaceType', labelOf(t, 'resource.spaceType', a.spaceType as string)],
      ];
    case 'ad_space':
      return [
        ['adSpace.location', text(a.location)],
        ['adSpace.size', text(a.size)],
        ['resource.leaseStart', text(a.leaseStart)],
        ['resource.leaseEnd', text(a.leaseEnd)],
      ];
    case 'storage':
      return [
        ['storage.storageType', labelOf(t, 'resource.storageType', a.storageType as string)],
        ['resource.floor', text(a.floor)],
      ];
  }
}

/** Everything the archive holds about one resource, laid out by kind. */
export function ResourceAttributes({ resource }: { resource: ResourceDetail }) {
  const t = useT();
  const customItems = useCustomFieldItems(resource.kind, resource.customFields);
  const rows: Row[] = [
    ['resource.kind', t(`resource.kind.${resource.kind}`)],
    ['resource.code', resource.code],
    ['resource.project', resource.projectName],
    ['resource.building', text(resource.buildingName)],
    ['resource.area', area(resource.area)],
    ['common.status', <StatusTag key="status" status={resource.status} />],
    ...kindRows(resource.kind, resource.attributes, t),
    ['resource.owners', text(resource.owners)],
  ];

  return (
    <Descriptions
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        ...rows.map(([key, value]) => ({ key, label: t(key), children: value })),
        ...customItems,
      ]}
    />
  );
}
