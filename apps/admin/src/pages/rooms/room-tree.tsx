import { Empty, Spin, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import { type ResourceTree, useResourceTree } from '../../api/rooms';
import { type Translate, useT } from '../../i18n';

/** Where in the tree the user clicked: the room list shows only that part. */
export interface TreeFilter {
  buildingId?: number;
  unitId?: number;
  floor?: number;
}

const ROOT = 'project';

function countLabel(title: string, count: number) {
  return (
    <span>
      {title}
      <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
        ({count})
      </Typography.Text>
    </span>
  );
}

/** Keys carry the filter: `b:<building>`, `u:<building>:<unit|none>`, `f:<…>:<floor>`. */
function toNodes(tree: ResourceTree, t: Translate): DataNode[] {
  return tree.buildings.map((building) => ({
    key: `b:${building.id}`,
    title: countLabel(building.name, building.roomCount),
    children: building.units.map((unit) => {
      const unitKey = `u:${building.id}:${unit.id ?? 'none'}`;
      const rooms = unit.floors.reduce((sum, f) => sum + f.roomCount, 0);
      return {
        key: unitKey,
        title: countLabel(unit.name ?? t('room.noUnit'), rooms),
        children: unit.floors.map((f) => ({
          key: `f:${building.id}:${unit.id ?? 'none'}:${f.floor}`,
          title: countLabel(t('room.floorN', { floor: f.floor }), f.roomCount),
          isLeaf: true,
        })),
      };
    }),
  }));
}

export function filterOfKey(key: string): TreeFilter {
  const [type, building, unit, floor] = key.split(':');
  if (type === ROOT || !building) return {};

  const filter: TreeFilter = { buildingId: Number(building) };
  if (unit && unit !== 'none') filter.unitId = Number(unit);
  if (type === 'f') filter.floor = Number(floor);

  return filter;
}

interface RoomTreeProps {
  project: { id: number; name: string } | undefined;
  selectedKey: string;
  onSelect: (key: string) => void;
}

/** Project → building → unit → floor with room counts, beside the room list. */
export function RoomTree({ project, selectedKey, onSelect }: RoomTreeProps) {
  const t = useT();
  const tree = useResourceTree(project?.id);
  const nodes = useMemo(() => (tree.data ? toNodes(tree.data, t) : []), [tree.data, t]);
  const total = tree.data?.buildings.reduce((sum, b) => sum + b.roomCount, 0) ?? 0;

  if (!project) return <Empty description={t('room.noProject')} />;
  if (tree.isPending) return <Spin style={{ display: 'block', margin: '40px auto' }} />;

  return (
    <Tree
      blockNode
      showLine={{ showLeafIcon: false }}
      defaultExpandedKeys={[ROOT, ...nodes.slice(0, 1).map((n) => n.key)]}
      selectedKeys={[selectedKey]}
      onSelect={(keys) => onSelect(keys.length ? String(keys[0]) : ROOT)}
      treeData={[{ key: ROOT, title: countLabel(project.name, total), children: nodes }]}
      style={{ marginInline: -4 }}
    />
  );
}

export const TREE_ROOT = ROOT;
