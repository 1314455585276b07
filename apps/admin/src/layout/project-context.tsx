import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from 'react';

const STORAGE_KEY = 'aishang.projectId';

export interface ProjectOption {
  id: number;
  name: string;
  code: string;
}

interface CurrentProject {
  /** The project chosen in the header; undefined means all projects in scope. */
  projectId: number | undefined;
  setProjectId: (id: number | undefined) => void;
  projects: ProjectOption[];
}

const ProjectContext = createContext<CurrentProject>({
  projectId: undefined,
  setProjectId: () => undefined,
  projects: [],
});

function storedProjectId(): number | undefined {
  const stored = Number(localStorage.getItem(STORAGE_KEY));

  return Number.isInteger(stored) && stored > 0 ? stored : undefined;
}

/** The header's project switcher: remembered across visits, limited to the user's projects. */
export function ProjectProvider(props: { projects: ProjectOption[]; children: ReactNode }) {
  const { projects, children } = props;
  const [chosen, setChosen] = useState<number | undefined>(storedProjectId);

  const setProjectId = useCallback((id: number | undefined) => {
    if (id === undefined) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, String(id));
    setChosen(id);
  }, []);

  const value = useMemo<CurrentProject>(() => {
    const projectId = projects.some((p) => p.id === chosen) ? chosen : undefined;
    return { projectId, setProjectId, projects };
  }, [chosen, projects, setProjectId]);

  return <ProjectContext.Provider value={value}>{children}</ProjectContext.Provider>;
}

export function useCurrentProject(): CurrentProject {
  return useContext(ProjectContext);
}

/**
 * The project pages that need exactly one work in: the one chosen in the header, else the
 * first project the user may see.
 */
export function useWorkingProject(): ProjectOption | undefined {
  const { projectId, projects } = useCurrentProject();

  return projects.find((p) => p.id === projectId) ?? projects[0];
}
