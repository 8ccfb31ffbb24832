const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path's id can name a row at all: anything else is "not found", never a 400 or 500. */
export const isUuid = (id: string): boolean => UUID.test(id);
