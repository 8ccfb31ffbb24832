/**
 * A shared location as text an operator can read and open:
 * "📍 Acme HQ, 1 Main St — https://www.openstreetmap.org/?mlat=…&mlon=…".
 */
export function locationText(location: {
  latitude: number;
  longitude: number;
  label?: string;
  address?: string;
}): string {
  const place = [location.label, location.address]
    .map((part) => part?.trim())
    .filter((part): part is string => !!part)
    .join(', ');
  const lat = String(location.latitude);
  const lon = String(location.longitude);
  const map = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
  return `📍 ${place || 'Shared location'} — ${map}`;
}
