import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Flex, Skeleton, Tabs, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { type Department, useUpdateDepartment } from '../../api/departments';
import { type Channel, type PermissionGroup, usePermissionTree } from '../../api/permissions';
import { useT } from '../../i18n';
import { useApiError } from '../../lib/use-api-error';

const GROUP_PREFIX = 'group:';

/** Module → actions, only the actions that apply on this channel. */
function treeFor(groups: PermissionGroup[], channel: Channel): DataNode[] {
  return groups
    .map((group) => ({
      key: `${GROUP_PREFIX}${group.module}`,
      title: group.label,
      children: group.permissions
        .filter((p) => p.channels.includes(channel))
        .map((p) => ({ key: p.code, title: p.label })),
    }))
    .filter((group) => group.children.length > 0);
}

function ChannelTree(props: {
  treeData: DataNode[];
  checked: string[];
  onChange: (codes: string[]) => void;
  disabled: boolean;
}) {
  const t = useT();

  return (
    <div>
      <Typography.Text type="secondary">
        {t('department.selectedCount', { count: props.checked.length })}
      </Typography.Text>
      <Tree
        checkable
        selectable={false}
        defaultExpandAll
        disabled={props.disabled}
        treeData={props.treeData}
        checkedKeys={props.checked}
        onCheck={(keys) => {
          const list = Array.isArray(keys) ? keys : keys.checked;
          props.onChange(list.map(String).filter((k) => !k.startsWith(GROUP_PREFIX)));
        }}
        style={{ marginTop: 8 }}
      />
    </div>
  );
}

/**
 * What a department may do: console permissions on the PC tab, staff-app permissions on
 * the APP tab; both are saved together. Mount with `key={department.id}`.
 */
export function PermissionEditor({
  department,
  editable,
}: {
  department: Department;
  editable: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const tree = usePermissionTree();
  const update = useUpdateDepartment();
  const [consoleCodes, setConsoleCodes] = useState(department.consolePermissions);
  const [appCodes, setAppCodes] = useState(department.appPermissions);

  const groups = tree.data?.groups;
  const consoleTree = useMemo(() => (groups ? treeFor(groups, 'console') : []), [groups]);
  const appTree = useMemo(() => (groups ? treeFor(groups, 'app') : []), [groups]);

  if (!groups) return <Skeleton active />;

  const save = () =>
    update.mutate(
      { id: department.id, body: { consolePermissions: consoleCodes, appPermissions: appCodes } },
      {
        onSuccess: () => void message.success(t('department.permissionsSaved')),
        onError: (error) => showError(error),
      },
    );

  return (
    <div>
      <Tabs
        items={[
          {
            key: 'console',
            label: t('department.consoleTab'),
            children: (
              <ChannelTree
                treeData={consoleTree}
                checked={consoleCodes}
                onChange={setConsoleCodes}
                disabled={!editable}
              />
            ),
          },
          {
            key: 'app',
            label: t('department.appTab'),
            children: (
              <ChannelTree
                treeData={appTree}
                checked={appCodes}
                onChange={setAppCodes}
                disabled={!editable}
              />
            ),
          },
        ]}
      />
      {editable && (
        <Flex justify="flex-end">
          <Button type="primary" icon={<SaveOutlined />} loading={update.isPending} onClick={save}>
            {t('department.savePermissions')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
