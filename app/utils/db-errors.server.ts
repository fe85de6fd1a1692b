/**
 * Prisma errors recognised by their code rather than with instanceof: the server bundle and the
 * Express server each load their own copy of the Prisma client classes, and an error may come
 * from either.
 */
function prismaErrorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null && "code" in error ? error.code : null;
}

/** A unique index refused the write (the value is taken, possibly by a racing request). */
export function isUniqueConstraintError(error: unknown): boolean {
  return prismaErrorCode(error) === "P2002";
}

/** A foreign key refused the write (the row it points at is gone). */
export function isForeignKeyError(error: unknown): boolean {
  return prismaErrorCode(error) === "P2003";
}
