import { addOption, type CourseForm, checkCourse, clearErrors, emptyCourseForm, errorsUnder, formOfCourse, questionErrors, removeOption } from './course-form';

const filled = (f: Partial<CourseForm> = {}): CourseForm => ({
  ...emptyCourseForm('req-12345678'),
  title: '云朵酸奶的产地与卖点',
  kind: 'product',
  target: 'category',
  category: '零食',
  sections: [{ heading: '产地', body: '内蒙古牧场直供，冷链三天到校。' }],
  quiz: [{ question: '酸奶从哪里来？', options: ['内蒙古', '海南'], answer: 0 }],
  passMark: '1',
  ...f,
});

describe('course form', () => {
  it('turns a complete form into the contract input', () => {
    const { input, errors } = checkCourse(filled());
    expect(errors).toEqual({});
    expect(input).toMatchObject({ requestId: 'req-12345678', kind: 'product', category: '零食', passMark: 1, quiz: [{ answer: 0 }] });
    expect(input).not.toHaveProperty('productId');
  });

  it('sends the product, not the category, when the course is about a product', () => {
    const { input } = checkCourse(filled({ target: 'product', productId: 'p1', category: '零食' }));
    expect(input).toMatchObject({ productId: 'p1' });
    expect(input).not.toHaveProperty('category');
  });

  it('puts each message under the field it is about', () => {
    const { input, errors } = checkCourse(
      filled({
        title: '',
        kind: '',
        sections: [{ heading: '产地', body: '' }],
        quiz: [{ question: '哪里？', options: ['内蒙古', ''], answer: null }],
        passMark: '3',
      }),
    );
    expect(input).toBeNull();
    expect(errors.title).toBe('请填写课程标题');
    expect(errors.kind).toBe('请选择课程类型');
    expect(errors['sections.0.body']).toBe('请填写小节内容');
    expect(errors['quiz.0.answer']).toBe('请选出正确答案');
    expect(errors['quiz.0.options.1']).toBe('请填写选项');
    expect(errorsUnder(errors, 'quiz.0')).toHaveLength(2);
  });

  it('refuses a pass mark above the number of questions and a course without product or category', () => {
    expect(checkCourse(filled({ passMark: '2' })).errors.passMark).toBe('及格线不能超过题目数');
    expect(checkCourse(filled({ passMark: 'x' })).errors.passMark).toBe('及格线填整数（答对几题）');
    expect(checkCourse(filled({ category: '' })).errors.productId).toBe('请选择品类');
  });

  it('keeps 2-4 options and the right answer on its option', () => {
    let f = filled({ quiz: [{ question: '选哪个？', options: ['甲', '乙'], answer: 1 }] });
    f = addOption(addOption(addOption(f, 0), 0), 0);
    expect(f.quiz[0].options).toHaveLength(4);
    f = removeOption(f, 0, 0);
    expect(f.quiz[0]).toMatchObject({ options: ['乙', '', ''], answer: 0 });
    f = removeOption(f, 0, 0);
    expect(f.quiz[0].answer).toBeNull();
    expect(removeOption(f, 0, 0).quiz[0].options).toHaveLength(2);
  });

  it('reads a stored course back for editing', () => {
    const f = formOfCourse(
      {
        id: 'c1',
        merchantId: 'm1',
        title: '拍好宿舍好物',
        kind: 'content',
        productId: null,
        category: '日用',
        sections: [{ heading: '光线', body: '靠窗拍。' }],
        quiz: [{ question: '哪里拍？', options: ['窗边', '床底'], answer: 0 }],
        minTier: 'advanced',
        passMark: 1,
      },
      'req-abcdefgh',
    );
    expect(f).toMatchObject({ courseId: 'c1', target: 'category', category: '日用', passMark: '1', minTier: 'advanced' });
    expect(checkCourse(f).input).toMatchObject({ courseId: 'c1', requestId: 'req-abcdefgh' });
  });
});

describe('errors while editing', () => {
  const errors = {
    title: '请填写课程标题',
    'sections.0.body': '请填写小节内容',
    'quiz.0.question': '请填写题目',
    'quiz.0.answer': '请选出正确答案',
    'quiz.0.options.1': '请填写选项',
    'quiz.0.options': '每题 2-4 个选项',
    'quiz.1.answer': '请选出正确答案',
    _: '保存失败',
  };

  it('clears a field and what is under it, and the general line, as the field changes', () => {
    expect(clearErrors(errors, 'title')).not.toHaveProperty('title');
    expect(clearErrors(errors, 'title')).not.toHaveProperty('_');
    const q = clearErrors(errors, 'quiz.0');
    expect(Object.keys(q).sort()).toEqual(['quiz.1.answer', 'sections.0.body', 'title']);
    // 'quiz.1' is not under 'quiz.0.options.1', nor 'quiz.10' under 'quiz.1'.
    expect(clearErrors({ 'quiz.10.answer': 'x' }, 'quiz.1')).toEqual({ 'quiz.10.answer': 'x' });
    const none = { title: 'x' };
    expect(clearErrors(none, 'kind')).toBe(none);
  });

  it('places each quiz message beside what it is about', () => {
    const q = questionErrors(errors, 0, 2);
    expect(q.question).toBe('请填写题目');
    expect(q.answer).toBe('请选出正确答案');
    expect(q.option(0)).toBe('');
    expect(q.option(1)).toBe('请填写选项');
    expect(q.rest).toEqual(['每题 2-4 个选项']);
    expect(questionErrors(errors, 1, 2).rest).toEqual([]);
  });
});
