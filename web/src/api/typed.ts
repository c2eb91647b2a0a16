// Type-level checks that every operation of a generated API has typed JSON bodies: a request body (where
// the operation takes one) and a success (2xx) body that are object types, not unknown, never, any or a
// string of bytes. A failing check does not compile, and the error names the operation.

/** true when T is a real object type: not any, unknown, never or a primitive such as a byte string. */
type IsObjectType<T> = 0 extends 1 & T ? false : unknown extends T ? false : [T] extends [never] ? false
  : T extends object ? true : false;

/** The body of a JSON media type (application/json, application/schema+json, ...). */
type JsonContent<C> = C extends { content: infer Content }
  ? { [Type in keyof Content]: Type extends `application/${string}json` ? Content[Type] : never }[keyof Content]
  : never;

/** The JSON body of every 2xx response of an operation, as a union. */
type SuccessBody<Op> = Op extends { responses: infer Responses }
  ? { [Status in keyof Responses]: Status extends 200 | 201 | 202 | 203 | 206 ? JsonContent<Responses[Status]> : never }[keyof Responses]
  : never;

type RequestBodyTyped<Op> = Op extends { requestBody?: infer Body }
  ? [Exclude<Body, undefined>] extends [never] ? true : IsObjectType<JsonContent<Exclude<Body, undefined>>>
  : true;

/** The names of the operations whose bodies are not typed; never when all are. */
export type UntypedOperations<Operations> = {
  [Name in keyof Operations]: IsObjectType<SuccessBody<Operations[Name]>> extends true
    ? RequestBodyTyped<Operations[Name]> extends true ? never : Name
    : Name
}[keyof Operations];

/** Compiles only when every operation is typed; otherwise the expected type is the untyped names. */
export type AllTyped<Operations> = [UntypedOperations<Operations>] extends [never] ? true : UntypedOperations<Operations>;
