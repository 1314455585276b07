import { Col, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import {
  type CustomField,
  type CustomValues,
  useActiveCustomFields,
} from '../../api/custom-fields';
import {
  type CreatePersonBody,
  type Person,
  type UpdatePersonBody,
  useCreatePerson,
  useUpdatePerson,
} from '../../api/people';
import { CustomFieldInputs } from '../../components/custom-field-inputs';
import {
  DateField,
  ProjectField,
  blankToNull,
  fromDate,
  toDate,
  useRules,
} from '../../components/form-fields';
import { FormModal } from '../../components/form-modal';
import { useT } from '../../i18n';
import { changedCustomFields, customFieldsBody } from '../../lib/custom-field-values';
import { GENDERS, ID_TYPES, labelledOptions } from '../../lib/resource-labels';

interface PersonForm {
  projectId: number;
  name: string;
  mobile?: string | null;
  email?: string | null;
  idType?: Person['idType'];
  idNumber?: string | null;
  gender?: Person['gender'];
  birthday?: Dayjs | null;
  tags?: string[];
  note?: string | null;
  customFields?: CustomValues;
}

function toBody(values: PersonForm, fields: CustomField[]): Omit<CreatePersonBody, 'projectId'> {
  return {
    name: values.name,
    mobile: blankToNull(values.mobile),
    email: blankToNull(values.email),
    idType: values.idType ?? null,
    idNumber: blankToNull(values.idNumber),
    gender: values.gender ?? null,
    birthday: toDate(values.birthday),
    tags: values.tags ?? [],
    note: blankToNull(values.note),
    customFields: customFieldsBody(fields, values.customFields),
  };
}

/**
 * The changed fields only: numbers arrive masked (138****5678) for those who may not see them
 * in full, and sending a masked number back unchanged would overwrite the real one.
 */
function changes(person: Person, body: Omit<CreatePersonBody, 'projectId'>): UpdatePersonBody {
  const { customFields, ...own } = body;
  const before: Record<string, unknown> = { ...person, tags: person.tags };
  const changed = Object.fromEntries(
    Object.entries(own).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key] ?? null),
    ),
  ) as UpdatePersonBody;

  return { ...changed, customFields: changedCustomFields(person.customFields, customFields) };
}

interface PersonFormModalProps {
  open: boolean;
  person: Person | undefined;
  projectId: number | undefined;
  onClose: () => void;
}

/** Register or edit an owner, family member or tenant. */
export function PersonFormModal({ open, person, projectId, onClose }: PersonFormModalProps) {
  const t = useT();
  const rules = useRules();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const customFields = useActiveCustomFields('person');
  const initial = useMemo<Partial<PersonForm>>(
    () =>
      person
        ? { ...person, birthday: fromDate(person.birthday) }
        : { projectId, tags: [], customFields: {} },
    [person, projectId],
  );

  const submit = (values: PersonForm) => {
    const body = toBody(values, customFields);
    if (!person) return create.mutateAsync({ ...body, projectId: values.projectId });

    return update.mutateAsync({ id: person.id, body: changes(person, body) });
  };

  return (
    <FormModal<PersonForm>
      open={open}
      name="person"
      title={t(person ? 'person.edit' : 'person.create')}
      initialValues={initial}
      editing={person !== undefined}
      saving={create.isPending || update.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={12}>
          <ProjectField disabled={person !== undefined} />
        </Col>
        <Col span={12}>
          <Form.Item name="name" label={t('person.name')} rules={rules.required(t('person.name'))}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="mobile" label={t('person.mobile')}>
            <Input maxLength={11} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="email" label={t('person.email')}>
            <Input maxLength={100} inputMode="email" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="gender" label={t('person.gender')}>
            <Select allowClear options={labelledOptions(t, 'person.gender', GENDERS)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="idType" label={t('person.idType')}>
            <Select allowClear options={labelledOptions(t, 'person.idType', ID_TYPES)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="idNumber" label={t('person.idNumber')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <DateField name="birthday" label={t('person.birthday')} />
        </Col>
        <Col span={12}>
          <Form.Item name="tags" label={t('person.tags')}>
            <Select mode="tags" tokenSeparators={[',', '，']} placeholder={t('person.tagsHint')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={t('person.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Col>
        <CustomFieldInputs target="person" />
      </Row>
    </FormModal>
  );
}
