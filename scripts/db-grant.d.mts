export function grantAppRole(ownerUrl: string, role: string): Promise<void>;
export function roleOf(url: string): string;
