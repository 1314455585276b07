import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useDepartments } from '../api/departments';
import { buildDepartmentTree } from '../lib/department-tree';

/** A department picker drawn as the department tree. */
export function DepartmentSelect(props: Omit<TreeSelectProps<number>, 'treeData'>) {
  const departments = useDepartments();
  const treeData = useMemo(() => buildDepartmentTree(departments.data ?? []), [departments.data]);

  return (
    <TreeSelect<number>
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      loading={departments.isPending}
      {...props}
      treeData={treeData}
    />
  );
}
