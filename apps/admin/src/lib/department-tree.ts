import type { Department } from '../api/departments';

export interface DepartmentNode {
  key: number;
  value: number;
  title: string;
  department: Department;
  children: DepartmentNode[];
}

/** Builds the department tree from the flat list, ordered by sort order then id. */
export function buildDepartmentTree(departments: Department[]): DepartmentNode[] {
  const nodes = new Map<number, DepartmentNode>();
  const ordered = [...departments].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  for (const department of ordered) {
    nodes.set(department.id, {
      key: department.id,
      value: department.id,
      title: department.name,
      department,
      children: [],
    });
  }

  const roots: DepartmentNode[] = [];
  for (const department of ordered) {
    const node = nodes.get(department.id) as DepartmentNode;
    const parent = department.parentId === null ? undefined : nodes.get(department.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }

  return roots;
}

/** The ids of a department and everything below it (a department cannot move under these). */
export function subtreeIds(departments: Department[], rootId: number): Set<number> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) {
      if (d.parentId !== null && ids.has(d.parentId) && !ids.has(d.id)) {
        ids.add(d.id);
        grew = true;
      }
    }
  }

  return ids;
}
