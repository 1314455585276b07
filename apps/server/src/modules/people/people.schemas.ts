import { z } from 'zod';
import { idSchema, idText, listQuery, pageOf } from '../../platform/http.js';
import {
  customFieldValues,
  customFieldsInput,
  withCustomFieldFilters,
} from '../custom-fields/custom-fields.schemas.js';
import { dateSchema, idTypeSchema, mobileSchema, plateSchema } from '../../platform/validators.js';

const id = idSchema;
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/* people */

/** 业主, 共有人 (co-owner), 家庭成员 (family member), 租户 (tenant). */
export const personRole = z.enum(['owner', 'co_owner', 'family', 'tenant']);
/** A family member's relation to the owner. */
export const familyRelation = z.enum(['spouse', 'child', 'parent', 'sibling', 'other']);
export const gender = z.enum(['male', 'female']);

export const personSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  name: z.string(),
  /** Masked (`138****5678`) unless the caller may see it in full. */
  mobile: z.string().nullable(),
  /** Where e-mail notices (bills ready, dunning) go. */
  email: z.string().nullable(),
  idType: idTypeSchema.nullable(),
  /** Masked (`110***********1234`) unless the caller may see it in full. */
  idNumber: z.string().nullable(),
  gender: gender.nullable(),
  birthday: z.string().nullable(),
  tags: z.array(z.string()),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Values of the company's active owner and tenant custom fields, by key. */
  customFields: customFieldValues,
});

export const personListItem = personSchema.extend({
  /** The roles of the person's current links, each once. */
  roles: z.array(personRole),
});

export const resourceLinkSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  resourceId: z.number().int(),
  resourceKind: z.enum(['room', 'shop', 'parking_space', 'ad_space', 'storage']),
  resourceCode: z.string(),
  personId: z.number().int(),
  personName: z.string(),
  role: personRole,
  relation: familyRelation.nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.string().nullable(),
  /** Whether the link holds today: started and not yet ended. */
  current: z.boolean(),
  createdAt: z.string(),
});

export const personDetailSchema = personListItem.extend({
  /** Current links first, then past ones, newest first. */
  links: z.array(resourceLinkSchema),
});

export const personListQuery = withCustomFieldFilters(
  listQuery.extend({
    projectId: idText.optional(),
    /** People with a current link of this role; `owner` includes co-owners. */
    role: personRole.optional(),
  }),
);
export const personPage = pageOf(personListItem);

const personFields = {
  name: z.string().trim().min(1).max(50),
  mobile: mobileSchema.nullable().optional(),
  email: z.string().trim().max(100).email({ message: 'validation.email' }).nullable().optional(),
  idType: idTypeSchema.nullable().optional(),
  idNumber: z.string().trim().max(30).nullable().optional(),
  gender: gender.nullable().optional(),
  birthday: dateSchema.nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
  note: optionalText(500),
};

export const createPersonBody = z.strictObject({
  projectId: id,
  ...personFields,
  customFields: customFieldsInput.optional(),
});
/** A new person given inline, registered in the project of the resource it is linked to. */
export const inlinePersonBody = z.strictObject(personFields);
export const updatePersonBody = z.strictObject({
  ...personFields,
  name: personFields.name.optional(),
  customFields: customFieldsInput.optional(),
});

/* links between people and resources */

export const resourcePeopleSchema = z.object({
  resourceId: z.number().int(),
  projectId: z.number().int(),
  kind: resourceLinkSchema.shape.resourceKind,
  code: z.string(),
  links: z.array(resourceLinkSchema),
});

export const createLinkBody = z.strictObject({
  personId: id,
  role: personRole,
  relation: familyRelation.nullable().optional(),
  startDate: dateSchema,
});

export const endLinkBody = z.strictObject({
  date: dateSchema,
  reason: z.string().trim().min(1).max(200),
});

export const transferBody = z.strictObject({
  date: dateSchema,
  newOwnerIds: z.array(id).max(20).optional(),
  newOwners: z.array(inlinePersonBody).max(20).optional(),
});

export const transferResult = z.object({
  resourceId: z.number().int(),
  ended: z.array(resourceLinkSchema),
  started: z.array(resourceLinkSchema),
});

/* vehicles */

export const vehicleType = z.enum(['small_car', 'large_car', 'new_energy', 'motorcycle', 'other']);

export const vehicleSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  plate: z.string(),
  vehicleType,
  colour: z.string().nullable(),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  parkingSpaceId: z.number().int().nullable(),
  parkingSpaceCode: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const vehicleListQuery = listQuery.extend({
  projectId: idText.optional(),
  vehicleType: vehicleType.optional(),
  personId: idText.optional(),
});
export const vehiclePage = pageOf(vehicleSchema);

const vehicleFields = {
  plate: plateSchema,
  vehicleType,
  colour: optionalText(20),
  personId: id.nullable().optional(),
  parkingSpaceId: id.nullable().optional(),
};

export const createVehicleBody = z.strictObject({ projectId: id, ...vehicleFields });
export const updateVehicleBody = z.strictObject({
  ...vehicleFields,
  plate: plateSchema.optional(),
  vehicleType: vehicleType.optional(),
});

export type PersonRole = z.infer<typeof personRole>;
export type PersonListQuery = z.infer<typeof personListQuery>;
export type CreatePersonInput = z.infer<typeof createPersonBody>;
export type InlinePersonInput = z.infer<typeof inlinePersonBody>;
export type UpdatePersonInput = z.infer<typeof updatePersonBody>;
export type CreateLinkInput = z.infer<typeof createLinkBody>;
export type EndLinkInput = z.infer<typeof endLinkBody>;
export type TransferInput = z.infer<typeof transferBody>;
export type VehicleListQuery = z.infer<typeof vehicleListQuery>;
export type CreateVehicleInput = z.infer<typeof createVehicleBody>;
export type UpdateVehicleInput = z.infer<typeof updateVehicleBody>;
