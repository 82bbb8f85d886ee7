// 导出 CSV on weapp: the file is written to the mini-program's user folder and sent to a chat
// (wx.shareFileMessage: the merchant picks 文件传输助手 and opens it on a computer).
// openDocument cannot open .csv (it takes doc/xls/ppt/pdf only), so when sharing is refused or
// not supported, the text goes to the clipboard instead, to paste into a spreadsheet.
import Taro from '@tarojs/taro';

declare const wx: { env: { USER_DATA_PATH: string } };

export async function saveCsv(fileName: string, text: string): Promise<string> {
  const filePath = `${wx.env.USER_DATA_PATH}/${fileName}`;
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
    await (Taro as unknown as { shareFileMessage(o: { filePath: string; fileName: string }): Promise<void> }).shareFileMessage({ filePath, fileName });
    return '已发送 CSV 文件';
  } catch (e) {
    if (/cancel/.test((e as { errMsg?: string })?.errMsg ?? '')) return '没有发送';
    await Taro.setClipboardData({ data: text });
    return '已复制 CSV 内容，可粘贴到表格';
  }
}
