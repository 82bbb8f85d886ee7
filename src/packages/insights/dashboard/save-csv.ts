// 导出 CSV on H5: the file downloads (the weapp build uses save-csv.weapp.ts).

/** Saves the text as a file the person can open; resolves to what the page tells them. */
export async function saveCsv(fileName: string, text: string): Promise<string> {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return '已下载 CSV 文件';
}
