import { ApartmentOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { Avatar, Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { type Profile, useMe } from '../../api/auth';
import { useDepartments } from '../../api/departments';
import { useEmployees } from '../../api/employees';
import { usePermissionTree } from '../../api/permissions';
import { useProjects } from '../../api/projects';
import { useT } from '../../i18n';
import { menuRoutes } from '../../routes';

function CountCard(props: {
  title: string;
  value: number | undefined;
  icon: ReactNode;
  color: string;
}) {
  return (
    <Card variant="borderless">
      <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
        <Avatar
          size={52}
          icon={props.icon}
          style={{ background: `${props.color}1a`, color: props.color }}
        />
        <Statistic
          title={props.title}
          value={props.value ?? '—'}
          loading={props.value === undefined}
        />
      </div>
    </Card>
  );
}

/** Home: who is signed in, for which company, and a few counts. */
export default function DashboardPage() {
  const t = useT();
  const navigate = useNavigate();
  const me = useMe().data as Profile;
  const can = (code: string) => me.permissions.includes(code);
  const projects = useProjects(
    { page: 1, pageSize: 1, status: 'active' },
    {
      enabled: can('org.project.view'),
    },
  );
  const employees = useEmployees({ page: 1, pageSize: 1 }, { enabled: can('org.employee.view') });
  const departments = useDepartments(can('org.department.view'));
  const tree = usePermissionTree();
  const labelOf = new Map(
    tree.data?.groups.flatMap((g) => g.permissions.map((p) => [p.code, p.label] as const)),
  );
  const shortcuts = menuRoutes(me).filter((route) => route.path !== '/dashboard');

  return (
    <div>
      <Card variant="borderless" style={{ marginBottom: 24 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 20 }}>
          <Avatar size={64} style={{ background: '#1677ff', fontSize: 28 }}>
            {me.name.slice(0, 1)}
          </Avatar>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('dashboard.welcome', { name: me.name })}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('dashboard.summary', {
                company: me.orgName ?? '—',
                scope: me.allProjects
                  ? t('dashboard.scopeAll')
                  : t('dashboard.scopeSome', { count: me.projects.length }),
              })}
            </Typography.Text>
          </div>
        </div>
      </Card>
      <Row gutter={[24, 24]}>
        {can('org.project.view') && (
          <Col xs={24} md={8}>
            <CountCard
              title={t('dashboard.projects')}
              value={projects.data?.total}
              icon={<HomeOutlined />}
              color="#1677ff"
            />
          </Col>
        )}
        {can('org.employee.view') && (
          <Col xs={24} md={8}>
            <CountCard
              title={t('dashboard.employees')}
              value={employees.data?.total}
              icon={<TeamOutlined />}
              color="#13c2c2"
            />
          </Col>
        )}
        {can('org.department.view') && (
          <Col xs={24} md={8}>
            <CountCard
              title={t('dashboard.departments')}
              value={departments.data?.length}
              icon={<ApartmentOutlined />}
              color="#722ed1"
            />
          </Col>
        )}
      </Row>
      {shortcuts.length > 0 && (
        <Card title={t('dashboard.quickLinks')} variant="borderless" style={{ marginTop: 24 }}>
          <Row gutter={[16, 16]}>
            {shortcuts.map((route) => (
              <Col key={route.path} xs={12} md={6}>
                <Card hoverable size="small" onClick={() => void navigate(route.path)}>
                  <span style={{ color: '#1677ff', marginRight: 8 }}>{route.icon}</span>
                  {t(route.labelKey)}
                </Card>
              </Col>
            ))}
          </Row>
        </Card>
      )}
      <Card title={t('dashboard.permissions')} variant="borderless" style={{ marginTop: 24 }}>
        {me.permissions.map((code) => (
          <Tag key={code} color="blue" bordered={false} style={{ marginBottom: 8 }}>
            {labelOf.get(code) ?? code}
          </Tag>
        ))}
      </Card>
    </div>
  );
}
