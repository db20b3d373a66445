/**
 * Great-circle distance for toponym resolution scoring (accuracy within 161 km = 100 miles, the
 * geoparsing community's threshold, and mean error in km). Imports nothing.
 */

/** Mean Earth radius in km (IUGG), as the geoparsing literature uses. */
const EARTH_RADIUS_KM = 6371.0088;

/** The community's "accuracy@161km" threshold: 100 miles. */
export const ACCURACY_KM = 161;

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Haversine distance in km between two points given in decimal degrees (latitude, longitude). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
