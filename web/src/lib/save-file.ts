/** Saves `content` as a download called `name`. */
export function saveFile(name: string, content: Blob | string, type = "application/octet-stream"): void {
  const blob = typeof content === "string" ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the address; it is no longer needed once this task ends.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
