// WeChat's privacy APIs (隐私接口) and the user-information type (用户信息类型) each one makes the
// mini-program declare in its privacy guide (用户隐私保护指引), as WeChat's table "隐私接口与对应的
// 处理的信息关系" lists them. A privacy API whose type the guide does not declare fails at run time
// ("api scope is not declared in the privacy agreement"), and review compares the guide with the
// code package. scripts/privacy-guide.ts finds which of these src/ uses.

export interface PrivacyType {
  /** The 用户信息类型 as the mini-program admin names it. */
  type: string;
  /** Its privacy_key in the guide's API form (setPrivacySetting). */
  key: string;
  /** wx.<api> calls that need it. */
  apis?: readonly string[];
  /** Components and attributes that need it, written as in WXML. */
  components?: readonly string[];
  /** wx.authorize scopes that need it. */
  scopes?: readonly string[];
}

export const PRIVACY_TYPES: readonly PrivacyType[] = [
  {
    type: '用户信息（微信昵称、头像）',
    key: 'UserInfo',
    apis: ['getUserInfo', 'getUserProfile'],
    components: ['<button open-type="chooseAvatar">', '<input type="nickname">'],
  },
  {
    type: '位置信息',
    key: 'Location',
    apis: ['getLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'getFuzzyLocation'],
    scopes: ['scope.userLocation', 'scope.userLocationBackground', 'scope.userFuzzyLocation'],
  },
  { type: '选择的位置信息', key: 'ChooseLocation', apis: ['choosePoi', 'chooseLocation'] },
  { type: '地址', key: 'Address', apis: ['chooseAddress'] },
  { type: '发票信息', key: 'Invoice', apis: ['chooseInvoiceTitle', 'chooseInvoice'] },
  { type: '微信运动步数', key: 'RunData', apis: ['getWeRunData'], scopes: ['scope.werun'] },
  { type: '手机号', key: 'PhoneNumber', components: ['<button open-type="getPhoneNumber">', '<button open-type="getRealtimePhoneNumber">'] },
  { type: '车牌号', key: 'LicensePlate', apis: ['chooseLicensePlate'] },
  { type: '选中的照片或视频信息', key: 'Album', apis: ['chooseImage', 'chooseMedia', 'chooseVideo'] },
  { type: '选中的文件', key: 'MessageFile', apis: ['chooseMessageFile'] },
  {
    type: '麦克风',
    key: 'Record',
    // RecorderManager.start: the manager comes from getRecorderManager, which is what a scan can see.
    apis: ['startRecord', 'getRecorderManager', 'joinVoIPChat'],
    components: ['<live-pusher>'],
    scopes: ['scope.record'],
  },
  { type: '摄像头', key: 'Camera', apis: ['createVKSession'], components: ['<camera>', '<live-pusher>', '<voip-room>'], scopes: ['scope.camera'] },
  { type: '蓝牙', key: 'BlueTooth', apis: ['openBluetoothAdapter', 'createBLEPeripheralServer'], scopes: ['scope.bluetooth'] },
  {
    type: '相册（仅写入）权限',
    key: 'AlbumWriteOnly',
    apis: ['saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum'],
    scopes: ['scope.writePhotosAlbum'],
  },
  { type: '通讯录（仅写入）权限', key: 'Contact', apis: ['addPhoneContact'], scopes: ['scope.addPhoneContact'] },
  { type: '日历（仅写入）权限', key: 'CalendarWriteOnly', apis: ['addPhoneRepeatCalendar', 'addPhoneCalendar'], scopes: ['scope.addPhoneCalendar'] },
  { type: '加速传感器', key: 'Accelerometer', apis: ['startAccelerometer'] },
  { type: '磁场传感器', key: 'Compass', apis: ['startCompass'] },
  { type: '方向传感器', key: 'DeviceMotion', apis: ['startDeviceMotionListening'] },
  { type: '陀螺仪传感器', key: 'Gyroscope', apis: ['startGyroscope'] },
  { type: '剪切板', key: 'Clipboard', apis: ['setClipboardData', 'getClipboardData'] },
];

/** API name -> the 用户信息类型 to declare. */
export const PRIVACY_API_TYPES: Readonly<Record<string, string>> = Object.fromEntries(PRIVACY_TYPES.flatMap((t) => (t.apis ?? []).map((api) => [api, t.type])));

/** Component or attribute (as in WXML) -> the 用户信息类型 to declare. */
export const PRIVACY_COMPONENT_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
  PRIVACY_TYPES.flatMap((t) => (t.components ?? []).map((c) => [c, t.type])),
);

/** wx.authorize scope -> the 用户信息类型 to declare. */
export const PRIVACY_SCOPE_TYPES: Readonly<Record<string, string>> = Object.fromEntries(PRIVACY_TYPES.flatMap((t) => (t.scopes ?? []).map((s) => [s, t.type])));

/**
 * Why Sprout uses each type it declares: the guide shows it as "为了…". Every type src/ uses needs
 * one here (the privacy-guide test says which is missing).
 */
export const SPROUT_PURPOSES: Readonly<Record<string, string>> = {
  '用户信息（微信昵称、头像）': '设置你在校园种草的头像和昵称',
  选中的照片或视频信息: '选图片作你的头像、售后申请的照片，或商家的商品图片',
  '相册（仅写入）权限': '把你生成的分享海报保存到相册',
  剪切板: '复制分享链接、订单号、运单号或导出的课表',
  地址: '送货上门下单时，用你的微信收货地址填入收货人和电话',
  选中的文件: '从微信聊天里选你导出的课表文件（.csv、.ics 等）导入课表',
  '日历（仅写入）权限': '把你选的一门课加到手机日历，每周上课前提醒',
};
