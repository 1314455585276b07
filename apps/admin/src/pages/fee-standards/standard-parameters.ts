import type { StandardMethod } from '../../api/fee-standards';
import { SPACE_TYPES, VEHICLE_TYPES } from '../../lib/resource-labels';

/**
 * A method's parameters as the form holds them. Mostly the API's shape; the monthly parking
 * prices are a vehicle × space grid instead of a list, and blank text stands for null.
 */
export type ParameterForm = Record<string, unknown>;

type Grid = Partial<Record<string, Partial<Record<string, string | null>>>>;
interface MonthlyPrice {
  vehicleType: string;
  spaceType: string;
  price: string;
}

const blankToNull = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? null : value;

/** What a new standard of each method starts with. */
export function defaultParameters(method: StandardMethod): ParameterForm {
  switch (method) {
    case 'area_price':
      return { areaBasis: 'building' };
    case 'fixed':
      return {};
    case 'floor_coefficient':
      return {
        areaBasis: 'building',
        bands: [{ floorFrom: 1, floorTo: null, coefficient: '1.00' }],
      };
    case 'usage_price':
      return { meterType: 'water' };
    case 'tiered_usage':
      return { meterType: 'water', tierPeriod: 'year', tiers: [{ upTo: '', price: '' }] };
    case 'rent_escalation':
      return { basePrice: '', areaBasis: 'building', escalationPercent: '3', anniversaryMonth: 1 };
    case 'parking_monthly':
      return { grid: {} };
    case 'parking_temporary':
      return {
        freeMinutes: 15,
        firstHourPrice: '',
        perHourPrice: '',
        dailyCap: '',
        bands: [],
        memberDiscounts: [],
      };
    case 'custom_formula':
      return { formula: 'area * price * months' };
  }
}

/** The form's parameters from a saved standard's. */
export function parametersToForm(
  method: StandardMethod,
  parameters: Record<string, unknown>,
): ParameterForm {
  if (method !== 'parking_monthly') return parameters;

  const grid: Grid = {};
  for (const row of (parameters.prices ?? []) as MonthlyPrice[]) {
    grid[row.vehicleType] = { ...grid[row.vehicleType], [row.spaceType]: row.price };
  }

  return { grid };
}

function gridToPrices(grid: Grid | undefined): MonthlyPrice[] {
  return VEHICLE_TYPES.flatMap((vehicleType) =>
    SPACE_TYPES.flatMap((spaceType) => {
      const price = grid?.[vehicleType]?.[spaceType]?.trim();
      return price ? [{ vehicleType, spaceType, price }] : [];
    }),
  );
}

/** The API's parameters from the form's: blanks become null, the parking grid a list. */
export function parametersToBody(
  method: StandardMethod,
  form: ParameterForm | undefined,
): Record<string, unknown> {
  const values = form ?? {};
  switch (method) {
    case 'parking_monthly':
      return { prices: gridToPrices(values.grid as Grid | undefined) };
    case 'tiered_usage':
      return {
        ...values,
        tiers: ((values.tiers ?? []) as Record<string, unknown>[]).map((tier) => ({
          ...tier,
          upTo: blankToNull(tier.upTo ?? null),
        })),
      };
    case 'floor_coefficient':
      return {
        ...values,
        bands: ((values.bands ?? []) as Record<string, unknown>[]).map((band) => ({
          ...band,
          floorTo: band.floorTo ?? null,
        })),
      };
    case 'parking_temporary':
      return {
        ...values,
        dailyCap: blankToNull(values.dailyCap ?? null),
        bands: values.bands ?? [],
        memberDiscounts: values.memberDiscounts ?? [],
      };
    default:
      return values;
  }
}
