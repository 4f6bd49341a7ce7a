export * from "./audit";
export * from "./courrier";
export * from "./portail";
export * from "./sessions";
export * from "./staff";
export * from "./structures";
export * from "./usagers";
