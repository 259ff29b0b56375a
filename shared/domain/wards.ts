/** Wards are compared without regard to case or spacing: "Quarry ward" in one place, "quarry" in another. */
export function wardKey(ward: string): string {
  return ward.trim().toLowerCase().replace(/\s+ward$/, '').replace(/\s+/g, ' ');
}
