export async function checkReadmes() {
  return [];
}
