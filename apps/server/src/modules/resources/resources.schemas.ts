import { z } from 'zod';
import {
  customFieldValues,
  customFieldsInput,
  withCustomFieldFilters,
} from '../custom-fields/custom-fields.schemas.js';
import { decimalSchema, idSchema, idText, listQuery, pageOf } from '../../platform/http.js';

const id = idSchema;
const name = z.string().trim().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const businessDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.date' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), {
    message: 'validation.date',
  });
const area = decimalSchema(2);
/** Resource codes may carry the separators people write them with: 3-2-1501, B1-012, A区/101. */
const resourceCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}_\-./#]+$/u, { message: 'validation.code' });
const floor = z.number().int().min(-10).max(200);

export const resourceKind = z.enum(['room', 'shop', 'parking_space', 'ad_space', 'storage']);
export const resourceStatus = z.enum([
  'unsold',
  'vacant',
  'occupied',
  'renovating',
  'rented',
  'sold',
]);

/** Which statuses each kind of resource may take. */
export const STATUSES_BY_KIND = {
  room: ['unsold', 'vacant', 'occupied', 'renovating', 'rented'],
  shop: ['vacant', 'occupied', 'rented', 'sold'],
  parking_space: ['vacant', 'sold', 'rented'],
  ad_space: ['vacant', 'rented'],
  storage: ['vacant', 'occupied', 'rented', 'sold'],
} as const;

/* buildings, units, parking lots */

export const buildingSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  code: z.string(),
  name: z.string(),
  floorsAbove: z.number().int().nullable(),
  floorsBelow: z.number().int().nullable(),
  sortOrder: z.number().int(),
  note: z.string().nullable(),
  unitCount: z.number().int(),
  roomCount: z.number().int(),
});

export const buildingListQuery = listQuery.extend({
  projectId: idText.optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export const buildingPage = pageOf(buildingSchema);

export const createBuildingBody = z.strictObject({
  projectId: id,
  code: resourceCode,
  name,
  floorsAbove: z.number().int().min(0).max(200).nullable().optional(),
  floorsBelow: z.number().int().min(0).max(20).nullable().optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  note: optionalText(500),
});
export const updateBuildingBody = createBuildingBody.omit({ projectId: true }).partial();

export const unitSchema = z.object({
  id: z.number().int(),
  buildingId: z.number().int(),
  code: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
});
export const unitList = z.object({ items: z.array(unitSchema) });
export const createUnitBody = z.strictObject({
  code: resourceCode,
  name,
  sortOrder: z.number().int().min(0).max(9999).optional(),
});

export const parkingLotSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  code: z.string(),
  name: z.string(),
  lotType: z.enum(['above_ground', 'underground']),
  spaceCount: z.number().int(),
});
export const parkingLotListQuery = listQuery.extend({
  projectId: idText.optional(),
});
export const parkingLotPage = pageOf(parkingLotSchema);
export const createParkingLotBody = z.strictObject({
  projectId: id,
  code: resourceCode,
  name,
  lotType: z.enum(['above_ground', 'underground']),
});
export const updateParkingLotBody = createParkingLotBody.omit({ projectId: true }).partial();

/* resources of every kind */

const resourceBase = {
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  kind: resourceKind,
  code: z.string(),
  area: z.string().nullable(),
  status: resourceStatus,
  buildingId: z.number().int().nullable(),
  buildingName: z.string().nullable(),
  owners: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Values of the company's active custom fields for this kind, by key. */
  customFields: customFieldValues,
};

export const roomAttributes = z.object({
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  floor: z.number().int(),
  innerArea: z.string().nullable(),
  layout: z.string().nullable(),
  decoration: z.enum(['rough', 'simple', 'fine']).nullable(),
  use: z.enum(['residential', 'commercial', 'office']),
  feeCoefficient: z.string(),
  deliveryDate: z.string().nullable(),
  moveInDate: z.string().nullable(),
});

export const shopAttributes = z.object({
  floor: z.number().int().nullable(),
  leaseStart: z.string().nullable(),
  leaseEnd: z.string().nullable(),
  businessScope: z.string().nullable(),
  rentStandard: z.string().nullable(),
});

export const parkingSpaceAttributes = z.object({
  lotId: z.number().int(),
  lotName: z.string(),
  spaceType: z.enum(['standard', 'large', 'charging', 'mother_child']),
});

export const adSpaceAttributes = z.object({
  location: z.string(),
  size: z.string().nullable(),
  leaseStart: z.string().nullable(),
  leaseEnd: z.string().nullable(),
});

export const storageAttributes = z.object({
  storageType: z.enum(['basement', 'storage_room']),
  floor: z.number().int().nullable(),
});

export const roomSchema = z.object({ ...resourceBase, ...roomAttributes.shape });
export const shopSchema = z.object({ ...resourceBase, ...shopAttributes.shape });
export const parkingSpaceSchema = z.object({ ...resourceBase, ...parkingSpaceAttributes.shape });
export const adSpaceSchema = z.object({ ...resourceBase, ...adSpaceAttributes.shape });
export const storageSchema = z.object({ ...resourceBase, ...storageAttributes.shape });

export const resourceDetailSchema = z.object({
  ...resourceBase,
  attributes: z.record(z.string(), z.unknown()),
});

const resourceFilters = {
  projectId: idText.optional(),
  status: resourceStatus.optional(),
  buildingId: idText.optional(),
};

export const roomListQuery = withCustomFieldFilters(
  listQuery.extend({
    ...resourceFilters,
    unitId: idText.optional(),
    floor: z.coerce.number().int().min(-10).max(200).optional(),
    decoration: z.enum(['rough', 'simple', 'fine']).optional(),
    use: z.enum(['residential', 'commercial', 'office']).optional(),
    mine: z.enum(['true', 'false']).optional(),
  }),
);
export const shopListQuery = withCustomFieldFilters(listQuery.extend(resourceFilters));
export const parkingSpaceListQuery = withCustomFieldFilters(
  listQuery.extend({
    ...resourceFilters,
    lotId: idText.optional(),
    spaceType: z.enum(['standard', 'large', 'charging', 'mother_child']).optional(),
  }),
);
export const adSpaceListQuery = withCustomFieldFilters(listQuery.extend(resourceFilters));
export const storageListQuery = withCustomFieldFilters(
  listQuery.extend({
    ...resourceFilters,
    storageType: z.enum(['basement', 'storage_room']).optional(),
  }),
);

export const roomPage = pageOf(roomSchema);
export const shopPage = pageOf(shopSchema);
export const parkingSpacePage = pageOf(parkingSpaceSchema);
export const adSpacePage = pageOf(adSpaceSchema);
export const storagePage = pageOf(storageSchema);

export const createRoomBody = z.strictObject({
  projectId: id,
  buildingId: id,
  unitId: id.nullable().optional(),
  floor,
  code: resourceCode,
  area,
  innerArea: area.nullable().optional(),
  layout: optionalText(30),
  decoration: z.enum(['rough', 'simple', 'fine']).nullable().optional(),
  use: z.enum(['residential', 'commercial', 'office']).default('residential'),
  status: resourceStatus.default('vacant'),
  feeCoefficient: decimalSchema(4).optional(),
  deliveryDate: businessDate.nullable().optional(),
  moveInDate: businessDate.nullable().optional(),
  customFields: customFieldsInput.optional(),
});
export const updateRoomBody = createRoomBody.omit({ projectId: true, buildingId: true }).partial();

export const createShopBody = z.strictObject({
  projectId: id,
  buildingId: id.nullable().optional(),
  code: resourceCode,
  area,
  floor: floor.nullable().optional(),
  leaseStart: businessDate.nullable().optional(),
  leaseEnd: businessDate.nullable().optional(),
  businessScope: optionalText(200),
  rentStandard: decimalSchema(4).nullable().optional(),
  status: resourceStatus.default('vacant'),
  customFields: customFieldsInput.optional(),
});
export const updateShopBody = createShopBody.omit({ projectId: true }).partial();

export const createParkingSpaceBody = z.strictObject({
  projectId: id,
  lotId: id,
  code: resourceCode,
  area: area.nullable().optional(),
  spaceType: z.enum(['standard', 'large', 'charging', 'mother_child']).default('standard'),
  status: resourceStatus.default('vacant'),
  customFields: customFieldsInput.optional(),
});
export const updateParkingSpaceBody = createParkingSpaceBody.omit({ projectId: true }).partial();

export const createAdSpaceBody = z.strictObject({
  projectId: id,
  code: resourceCode,
  location: z.string().trim().min(1).max(200),
  size: optionalText(50),
  area: area.nullable().optional(),
  leaseStart: businessDate.nullable().optional(),
  leaseEnd: businessDate.nullable().optional(),
  status: resourceStatus.default('vacant'),
  customFields: customFieldsInput.optional(),
});
export const updateAdSpaceBody = createAdSpaceBody.omit({ projectId: true }).partial();

export const createStorageBody = z.strictObject({
  projectId: id,
  buildingId: id.nullable().optional(),
  code: resourceCode,
  storageType: z.enum(['basement', 'storage_room']),
  floor: floor.nullable().optional(),
  area: area.nullable().optional(),
  status: resourceStatus.default('vacant'),
  customFields: customFieldsInput.optional(),
});
export const updateStorageBody = createStorageBody.omit({ projectId: true }).partial();

/* bulk room creation */

export const roomBatchBody = z.strictObject({
  projectId: id,
  buildingIds: z.array(id).min(1).max(100),
  unitCount: z.number().int().min(0).max(20),
  floorFrom: floor,
  floorTo: floor,
  roomsPerFloor: z.number().int().min(1).max(50),
  /** Tokens: {building} {unit} {floor} {room}, with optional zero padding: {floor:2} {room:2}. */
  codeTemplate: z.string().trim().min(1).max(60),
  area,
  innerArea: area.nullable().optional(),
  layout: optionalText(30),
  decoration: z.enum(['rough', 'simple', 'fine']).nullable().optional(),
  use: z.enum(['residential', 'commercial', 'office']).default('residential'),
  status: resourceStatus.default('unsold'),
});

export const roomBatchPreview = z.object({
  total: z.number().int(),
  toCreate: z.number().int(),
  existing: z.number().int(),
  sample: z.array(
    z.object({
      buildingCode: z.string(),
      unitCode: z.string().nullable(),
      floor: z.number().int(),
      code: z.string(),
      exists: z.boolean(),
    }),
  ),
});

export const roomBatchResult = z.object({
  created: z.number().int(),
  skipped: z.number().int(),
  unitsCreated: z.number().int(),
});

/* the tree shown beside the room list */

export const resourceTree = z.object({
  buildings: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      roomCount: z.number().int(),
      units: z.array(
        z.object({
          id: z.number().int().nullable(),
          code: z.string().nullable(),
          name: z.string().nullable(),
          floors: z.array(z.object({ floor: z.number().int(), roomCount: z.number().int() })),
        }),
      ),
    }),
  ),
});
export const resourceTreeQuery = z.object({ projectId: idText });

export type BuildingListQuery = z.infer<typeof buildingListQuery>;
export type CreateBuildingInput = z.infer<typeof createBuildingBody>;
export type UpdateBuildingInput = z.infer<typeof updateBuildingBody>;
export type CreateUnitInput = z.infer<typeof createUnitBody>;
export type ParkingLotListQuery = z.infer<typeof parkingLotListQuery>;
export type CreateParkingLotInput = z.infer<typeof createParkingLotBody>;
export type UpdateParkingLotInput = z.infer<typeof updateParkingLotBody>;
export type RoomListQuery = z.infer<typeof roomListQuery>;
export type ShopListQuery = z.infer<typeof shopListQuery>;
export type ParkingSpaceListQuery = z.infer<typeof parkingSpaceListQuery>;
export type AdSpaceListQuery = z.infer<typeof adSpaceListQuery>;
export type StorageListQuery = z.infer<typeof storageListQuery>;
export type CreateRoomInput = z.infer<typeof createRoomBody>;
export type UpdateRoomInput = z.infer<typeof updateRoomBody>;
export type CreateShopInput = z.infer<typeof createShopBody>;
export type UpdateShopInput = z.infer<typeof updateShopBody>;
export type CreateParkingSpaceInput = z.infer<typeof createParkingSpaceBody>;
export type UpdateParkingSpaceInput = z.infer<typeof updateParkingSpaceBody>;
export type CreateAdSpaceInput = z.infer<typeof createAdSpaceBody>;
export type UpdateAdSpaceInput = z.infer<typeof updateAdSpaceBody>;
export type CreateStorageInput = z.infer<typeof createStorageBody>;
export type UpdateStorageInput = z.infer<typeof updateStorageBody>;
export type RoomBatchInput = z.infer<typeof roomBatchBody>;
