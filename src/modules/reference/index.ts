import type { ModuleDescriptor } from '../../platform/module.ts';
import { seedReferenceData } from './service.ts';
import * as tables from './tables.ts';

/** Reference data: counties, municipalities, organisations and boundaries, the same in every installation. */
export const module: ModuleDescriptor = {
  name: 'reference',
  tables,
  seed: seedReferenceData,
};

export {
  counties,
  municipalities,
  organisations,
  organisationTypes,
  type OrganisationType,
} from './tables.ts';
export {
  countMunicipalitiesByCounty,
  countReferenceData,
  findCountyBoard,
  findMunicipalityOrganisation,
  findOrganisation,
  findOrganisationByName,
  insertOrganisations,
  listBoundaries,
  listMunicipalities,
  listOrganisations,
  listOrganisationsByIds,
  type Boundary,
  type Organisation,
} from './repository.ts';
export {
  boundariesOf,
  countyBoardName,
  createOrganisation,
  importBoundaries,
  loadShippedBoundaries,
  BOUNDARY_ATTRIBUTION,
  listOrganisationsSorted,
  seedReferenceData,
  type OrganisationView,
} from './service.ts';
export { addableOrganisationTypes, newOrganisationSchema, ORGANISATION_NAME_MAX } from './schemas.ts';
export { BOUNDARY_VIEWBOX, BoundaryFileError } from './boundaries.ts';
export { organisationTypeLabels } from './labels.ts';
