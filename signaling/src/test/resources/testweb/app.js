export const odeon = "test";
