import type { Project } from '../../api/projects';
import type { MessageKey } from '../../i18n';

export const PROJECT_TYPES: Project['type'][] = ['residential', 'commercial', 'mixed'];
export const PROJECT_STATUSES: Project['status'][] = ['active', 'archived'];

export const typeKey = (type: Project['type']): MessageKey => `project.type.${type}`;
export const statusKey = (status: Project['status']): MessageKey => `project.status.${status}`;
