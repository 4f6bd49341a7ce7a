/**
 * Starts the download of a file the server answers as an attachment (same origin, the session
 * cookie goes with it): the page stays where it is.
 */
export function startDownload(url: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.download = "";
  document.body.appendChild(link);
  link.click();
  link.remove();
}
